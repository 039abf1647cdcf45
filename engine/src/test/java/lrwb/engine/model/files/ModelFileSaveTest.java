package lrwb.engine.model.files;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.SavedNetwork;
import lrwb.engine.run.AtomicFile;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.TinyData;
import lrwb.engine.model.lean.LeanLayers;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved network comes back exactly: parameters, updater state and iteration count, bit for bit. */
class ModelFileSaveTest {
    /** As a training run saves its network: a snapshot written atomically (temp file, then move). */
    private static void save(org.deeplearning4j.nn.api.Model net, Path zip) throws IOException {
        Network network = Network.of(net, InputLayout.FLAT, null, java.util.List.of());
        AtomicFile.write(zip, SavedNetwork.of(network)::writeTo);
    }

    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);

    private static MultiLayerNetwork trainedMlp() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(16), OptimizerSpec.parse("adam"), SteerableSchedule.constant(0.01),
                TABULAR, 1, EngineTuning.defaults());
        for (int i = 0; i < 5; i++) {
            net.fit(TinyData.batch(TABULAR, 16, i));
        }
        return net;
    }

    private static ImportedNetwork reload(Path zip, boolean keepUpdaterState) {
        return ModelFiles.load(ModelFileFormat.DL4J, zip, TABULAR, OptimizerSpec.parse("adam").updater(SteerableSchedule.constant(0.01)),
                99, keepUpdaterState);
    }

    @Test
    void aWorkbenchMlpComesBackWithItsParametersAndAdamStateBitForBit(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = trainedMlp();
        Path zip = dir.resolve("model.zip");
        save(net, zip);

        MultiLayerNetwork loaded = (MultiLayerNetwork) reload(zip, true).network();

        assertThat(loaded.params()).isEqualTo(net.params());
        assertThat(loaded.getUpdater(false).getStateViewArray()).isEqualTo(net.getUpdater(false).getStateViewArray());
        assertThat(loaded.getIterationCount()).isEqualTo(5);
        // And it goes on as the original would have (Adam's bias correction reads the iteration count).
        DataSet next = TinyData.batch(TABULAR, 16, 5);
        net.fit(next);
        loaded.fit(next);
        assertThat(loaded.params()).isEqualTo(net.params());
    }

    @Test
    void withoutKeepingTheStateTheUpdaterStartsAfreshAtIterationZero(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = trainedMlp();
        Path zip = dir.resolve("model.zip");
        save(net, zip);

        MultiLayerNetwork loaded = (MultiLayerNetwork) reload(zip, false).network();

        assertThat(loaded.params()).isEqualTo(net.params());
        assertThat(loaded.getUpdater(true).getStateViewArray().sumNumber().doubleValue()).isZero();
        assertThat(loaded.getIterationCount()).isZero();
    }

    @Test
    void anotherOptimizerStartsAfreshAndTheRunSaysSo(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("model.zip");
        save(trainedMlp(), zip);

        ImportedNetwork loaded = ModelFiles.load(ModelFileFormat.DL4J, zip, TABULAR,
                new Nesterovs(SteerableSchedule.constant(0.01), 0.9), 1, true);

        assertThat(loaded.notes()).containsExactly(
                "the updater starts afresh: the file's updater state is for another optimizer or network");
        assertThat(((MultiLayerNetwork) loaded.network()).getIterationCount()).isZero();
    }

    @Test
    void theZipHoldsDl4jsStockLayersNotTheLeanOnes(@TempDir Path dir) throws IOException {
        MultiLayerNetwork lean = trainedMlp();
        Path zip = dir.resolve("model.zip");
        save(lean, zip);

        String json;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            json = new String(file.getInputStream(file.getEntry("configuration.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).doesNotContain("Lean").contains("org.deeplearning4j.nn.conf.layers.DenseLayer");
        // Field for field what the stock build of the same network holds.
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.mlp(16), OptimizerSpec.parse("adam"),
                SteerableSchedule.constant(0.01), TABULAR, 1);
        assertThat(LeanLayers.stockConfiguration(Networks.build(ModelSpec.mlp(16), OptimizerSpec.parse("adam"),
                SteerableSchedule.constant(0.01), TABULAR, 1, EngineTuning.defaults()).getLayerWiseConfigurations()).toJson())
                .isEqualTo(stock.getLayerWiseConfigurations().toJson());
    }

    @Test
    void savingReplacesTheFileAtomicallyAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("model.zip");
        Files.writeString(zip, "an older network");
        save(trainedMlp(), zip);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(zip);
        }
        assertThat(reload(zip, true).network()).isInstanceOf(MultiLayerNetwork.class);
    }

    @Test
    void aGraphWithBatchNormComesBackWithItsParametersAndAdamStateBitForBit(@TempDir Path dir) throws IOException {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Adam(0.01))
                .graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("norm", new BatchNormalization.Builder().nOut(8).build(), "hidden")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build(), "norm")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        for (int i = 0; i < 5; i++) {
            graph.fit(TinyData.batch(TABULAR, 16, i));
        }
        Path zip = dir.resolve("graph.zip");
        save(graph, zip);

        ImportedNetwork imported = reload(zip, true);
        ComputationGraph loaded = (ComputationGraph) imported.network();

        assertThat(imported.notes()).isEmpty();
        assertThat(loaded.params()).isEqualTo(graph.params()); // batch norm's running mean and variance included
        assertThat(loaded.getUpdater(false).getStateViewArray()).isEqualTo(graph.getUpdater(false).getStateViewArray());
        DataSet next = TinyData.batch(TABULAR, 16, 5);
        graph.fit(next);
        loaded.fit(next);
        assertThat(loaded.params()).isEqualTo(graph.params());
        assertThat(ModelFiles.describe(ModelFileFormat.DL4J, zip).kind()).isEqualTo("Functional (ComputationGraph)");
        assertThat(ModelFiles.describe(ModelFileFormat.DL4J, zip).inputShape()).isEqualTo("4 features");
    }

    /** The workbench's cnn reshapes flat rows itself (DL4J's FeedForwardToCnnPreProcessor): it reads FLAT. */
    @Test
    void aWorkbenchCnnReadsFlatRowsOfItsImageSize(@TempDir Path dir) throws IOException {
        NetworkShape images = NetworkShape.image(1, 8, 8, 3);
        MultiLayerNetwork cnn = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.01),
                images, 1, EngineTuning.defaults());
        Path zip = dir.resolve("cnn.zip");
        save(cnn, zip);
        var sgd = OptimizerSpec.parse("sgd").updater(SteerableSchedule.constant(0.01));

        ImportedNetwork loaded = ModelFiles.load(ModelFileFormat.DL4J, zip, images, sgd, 1, true);

        assertThat(loaded.inputLayout()).isEqualTo(lrwb.engine.model.InputLayout.FLAT);
        assertThat(((MultiLayerNetwork) loaded.network()).params()).isEqualTo(cnn.params());
        assertThat(ModelFiles.describe(ModelFileFormat.DL4J, zip).inputShape()).isEqualTo("8×8×1 images");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelFiles.load(ModelFileFormat.DL4J, zip,
                        NetworkShape.image(3, 32, 32, 3), sgd, 1, true))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model reads 8×8×1 images, the data has 32×32×3 images");
    }
}
