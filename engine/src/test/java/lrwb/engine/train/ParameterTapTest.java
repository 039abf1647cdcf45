package lrwb.engine.train;

import lrwb.engine.model.Network;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's parameter copies: none while nobody watches, a few a second while someone does, always the last epoch's. */
class ParameterTapTest {
    private static Network tiny() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).seed(1).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return Network.of(net);
    }

    private static final class Recording implements ParameterWatcher {
        final List<java.util.function.Supplier<Network>> networks = new ArrayList<>();
        final List<ParameterSnapshot> snapshots = new ArrayList<>();

        @Override
        public void onNetwork(java.util.function.Supplier<Network> inferenceCopy) {
            networks.add(inferenceCopy);
        }

        @Override
        public void onSnapshot(ParameterSnapshot snapshot) {
            snapshots.add(snapshot);
        }
    }

    @Test
    void nobodyWatchingTouchesNothing() throws Exception {
        ParameterTap tap = new ParameterTap();
        Recording gone = new Recording();
        tap.add(gone).close();
        tap.afterUpdate(null, 1, 0); // a null network: it is not even looked at
        tap.afterEpoch(null, 1, 0, true);
        assertThat(gone.snapshots).isEmpty();
    }

    @Test
    void aWatcherGetsItsOwnNetworkOnceThenCopiesAtMostEveryIntervalAndTheLastEpoch() throws Exception {
        Network net = tiny();
        ParameterTap tap = new ParameterTap();
        Recording watcher = new Recording();
        AutoCloseable watch = tap.add(watcher);

        tap.afterUpdate(net, 0, 0);
        tap.afterUpdate(net, 1, 0); // within 200 ms of the first: none
        tap.afterEpoch(net, 2, 0, false); // neither
        float[] before = net.params().toFloatVector();
        net.params().addi(1);
        tap.afterEpoch(net, 4, 1, true); // the last epoch: always

        assertThat(watcher.networks).hasSize(1);
        Network copy = watcher.networks.get(0).get();
        assertThat(copy).isNotSameAs(net);
        assertThat(copy.params().toFloatVector()).containsExactly(before); // the parameters when it was handed out
        assertThat(watcher.snapshots).extracting(ParameterSnapshot::iteration).containsExactly(0L, 4L);
        assertThat(watcher.snapshots.get(0).params()).containsExactly(before);
        assertThat(watcher.snapshots.get(1).params()).containsExactly(net.params().toFloatVector());
        assertThat(watcher.snapshots.get(1).epochEnd()).isTrue();

        watch.close();
        tap.afterEpoch(net, 6, 2, true);
        assertThat(watcher.snapshots).hasSize(2);
    }
}
