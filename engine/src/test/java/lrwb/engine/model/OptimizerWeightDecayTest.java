package lrwb.engine.model;

import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lrwb.engine.run.AtomicFile;

import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.regularization.Regularization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The optimizer's weight decay inside a real network (lean layers, DL4J's updater blocks): one update with {@code wd}
 * against the same update without it, from the same weights on the same batch. Coupled decay with SGD and decoupled
 * decay with any rule move every parameter, weights and biases, by exactly −lr·wd·w0 more (the step itself only
 * reads the gradient at w0); coupled decay through Adam goes through the moments and is checked by hand in
 * {@link OptimizerHandCheckTest}.
 */
class OptimizerWeightDecayTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);
    private static final double WD = 0.3;

    @ParameterizedTest
    @CsvSource({"sgd, sgd:wd=0.3", "adam, adamw:wd=0.3", "sgd, sgdw:wd=0.3", "momentum:0.9, 'sgdw:momentum=0.9,wd=0.3'"})
    void oneUpdateDecaysEveryParameterByLrTimesWdTimesTheWeight(String plain, String decayed) {
        DataSet batch = TinyData.batch(TABULAR, 6, 3);
        SteerableSchedule lrPlain = SteerableSchedule.constant(0.1);
        SteerableSchedule lrDecayed = SteerableSchedule.constant(0.1);
        // The LR of this very iteration (a manual override here) is the one that scales the decoupled decay.
        lrPlain.override(0.05);
        lrDecayed.override(0.05);
        MultiLayerNetwork a = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse(plain), lrPlain, TABULAR, 7, EngineTuning.defaults());
        MultiLayerNetwork b = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse(decayed), lrDecayed, TABULAR, 7, EngineTuning.defaults());
        double[] w0 = b.params().castTo(DataType.DOUBLE).toDoubleVector();
        a.fit(batch);
        b.fit(batch);
        double[] stepped = a.params().castTo(DataType.DOUBLE).toDoubleVector();
        double[] actual = b.params().castTo(DataType.DOUBLE).toDoubleVector();
        assertThat(actual.length).isEqualTo(4 * 5 + 5 + 5 * 3 + 3); // weights and biases of both layers
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(stepped[i] - 0.05 * WD * w0[i], within(1e-6));
        }
    }

    @Test
    void theLossDoesNotIncludeTheDecay() {
        DataSet batch = TinyData.batch(TABULAR, 6, 3);
        MultiLayerNetwork plain = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("adam"), SteerableSchedule.constant(0.1), TABULAR, 7, EngineTuning.defaults());
        MultiLayerNetwork decayed = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("adam:wd=0.3"), SteerableSchedule.constant(0.1), TABULAR, 7, EngineTuning.defaults());
        // torch reports the loss without weight_decay's penalty; DL4J's L2Regularization would add 0.5·wd·Σw².
        assertThat(decayed.score(batch)).isEqualTo(plain.score(batch));
    }

    @Test
    void theSavedConfigurationIsPlainDl4jWithoutTheOptimizersDecay() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("adamw"), SteerableSchedule.constant(0.1), TABULAR, 7, EngineTuning.defaults());
        String json = PortableConfiguration.json(net.getLayerWiseConfigurations(), 3, 0);
        assertThat(json).doesNotContain("OptimizerWeightDecay");
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertThat(((BaseLayer) back.getConf(0).getLayer()).getRegularization()).isEmpty();
        // The live network keeps decaying.
        assertThat(((BaseLayer) net.getLayer(0).getConfig()).getRegularization()).containsExactly(new OptimizerWeightDecay(0.01, true));
        assertThat(((BaseLayer) net.getLayer(1).getConfig()).getRegularizationBias()).containsExactly(new OptimizerWeightDecay(0.01, true));
    }

    @Test
    void aLayersOwnL2StaysBesideTheDecayAndInTheSavedFile() {
        ModelSpec withL2 = ModelSpec.parse("{\"layers\":[{\"type\":\"dense\",\"units\":5,\"activation\":\"relu\"}],\"l2\":0.0001}");
        MultiLayerNetwork net = Networks.build(withL2, OptimizerSpec.parse("sgd:wd=0.1"), SteerableSchedule.constant(0.1), TABULAR, 7, EngineTuning.defaults());
        BaseLayer live = (BaseLayer) net.getLayer(0).getConfig();
        assertThat(live.getRegularization()).hasSize(2).contains(new OptimizerWeightDecay(0.1, false));
        MultiLayerConfiguration saved = MultiLayerConfiguration.fromJson(PortableConfiguration.json(net.getLayerWiseConfigurations(), 0, 0));
        assertThat(((BaseLayer) saved.getConf(0).getLayer()).getRegularization()).hasSize(1)
                .allSatisfy(r -> assertThat(r).isInstanceOf(org.nd4j.linalg.learning.regularization.L2Regularization.class));
    }

    /** The file holds no decay; a run continuing from it brings its own, once, whatever it is. */
    @Test
    void aContinuedRunHasItsOwnDecayOnce(@TempDir Path dir) throws Exception {
        MultiLayerNetwork original = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("adamw"), SteerableSchedule.constant(0.01), TABULAR, 7, EngineTuning.defaults());
        original.fit(TinyData.batch(TABULAR, 6, 3));
        AtomicFile.write(dir.resolve(SavedRunModel.FILE_NAME), SavedNetwork.of(Network.of(original))::writeTo);
        for (String optimizer : new String[] {"adamw", "adamw:wd=0.05", "adam"}) {
            OptimizerSpec spec = OptimizerSpec.parse(optimizer);
            Network continued = Networks.network(ModelSpec.parse("run:" + dir), spec, SteerableSchedule.constant(0.01), TABULAR, 1,
                    EngineTuning.defaults());
            MultiLayerNetwork layers = continued.asLayerList().orElseThrow();
            for (int i = 0; i < layers.getnLayers(); i++) {
                BaseLayer conf = (BaseLayer) layers.getLayer(i).getConfig();
                List<Regularization> expected = spec.weightDecay().<List<Regularization>>map(List::of).orElse(List.of());
                assertThat(conf.getRegularization()).as("%s layer %d weights", optimizer, i).containsExactlyElementsOf(expected);
                assertThat(conf.getRegularizationBias()).as("%s layer %d biases", optimizer, i).containsExactlyElementsOf(expected);
            }
        }
    }
}
