package lrwb.engine.model;

import lrwb.engine.model.files.ImportedNetwork;
import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.files.ModelFiles;
import lrwb.engine.run.AtomicFile;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network read from a file trains on our lean layers where they are exactly equivalent (a saved mlp continued with
 * run:DIR, an imported Keras MLP), with the same results bit for bit as on DL4J's own layers.
 */
class LeanImportTest {
    private static final NetworkShape SHAPE = NetworkShape.tabular(4, 3);

    @Test
    void aContinuedRunTrainsOnLeanLayersBitForBitAsOnStockOnes(@TempDir Path dir) throws Exception {
        OptimizerSpec adam = OptimizerSpec.parse("adam");
        MultiLayerNetwork original = Networks.buildWithStockLayers(ModelSpec.mlp(8, 6), adam, SteerableSchedule.constant(0.01),
                SHAPE, 3);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batches.add(TinyData.batch(SHAPE, 8, 10 + i)); // a power of two: the lean output averages exactly as DL4J
        }
        original.fit(batches.get(0));
        original.fit(batches.get(1));
        AtomicFile.write(dir.resolve(SavedRunModel.FILE_NAME), SavedNetwork.of(Network.of(original))::writeTo);

        ImportedNetwork stock = ModelFiles.load(ModelFileFormat.DL4J, dir.resolve(SavedRunModel.FILE_NAME), SHAPE,
                adam.updater(SteerableSchedule.constant(0.01)), 1, true);
        Network lean = Networks.network(ModelSpec.parse("run:" + dir), adam, SteerableSchedule.constant(0.01), SHAPE, 1,
                EngineTuning.defaults());
        MultiLayerNetwork leanLayers = lean.asLayerList().orElseThrow();
        assertThat(leanLayers.getLayer(0).getClass().getSimpleName()).isEqualTo("LeanDense");
        assertThat(leanLayers.getLayer(2).getClass().getSimpleName()).isEqualTo("LeanSoftmaxOutput");
        assertThat(lean.iterationCount()).isEqualTo(2);
        assertThat(lean.params()).isEqualTo(original.params());
        assertThat(lean.updaterState()).isEqualTo(original.getUpdater().getStateViewArray());

        MultiLayerNetwork stockNet = (MultiLayerNetwork) stock.network();
        for (int i = 2; i < 5; i++) {
            stockNet.fit(batches.get(i));
            lean.fit(batches.get(i));
            // the loss itself is summed in Java by the lean output: equal within rounding, the update bit for bit
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stockNet.score(), org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(lean.params()).isEqualTo(stockNet.params());
        assertThat(lean.updaterState()).isEqualTo(stockNet.getUpdater().getStateViewArray());
    }

    @Test
    void anImportedKerasMlpTrainsOnLeanLayers() {
        Path keras = Path.of("src/test/resources/models/mlp_4_8_3.h5").toAbsolutePath();
        Network net = Networks.network(ModelSpec.parse("keras:" + keras), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.1), SHAPE, 1, EngineTuning.defaults());
        MultiLayerNetwork layers = net.asLayerList().orElseThrow();
        assertThat(layers.getLayer(0).getClass().getSimpleName()).isEqualTo("LeanDense");
        assertThat(layers.getOutputLayer().getClass().getSimpleName()).isEqualTo("LeanSoftmaxOutput");
        DataSet batch = TinyData.batch(SHAPE, 8, 1);
        net.fit(batch);
        double first = net.score();
        for (int i = 0; i < 30; i++) {
            net.fit(batch);
        }
        assertThat(net.score()).isLessThan(first);
    }
}
