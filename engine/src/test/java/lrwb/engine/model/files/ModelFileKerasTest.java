package lrwb.engine.model.files;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.TinyData;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keras HDF5 files (written by make_keras_fixtures.py in Keras 2's layout) imported with their weights. */
class ModelFileKerasTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);
    private static final NetworkShape IMAGES = NetworkShape.image(1, 8, 8, 3);

    private static ImportedNetwork load(String file, NetworkShape shape, IUpdater updater) {
        return ModelFiles.load(ModelFileFormat.KERAS, Fixtures.path(file), shape, updater, 7, false);
    }

    private static Adam adam() {
        return new Adam(SteerableSchedule.constant(0.01));
    }

    static INDArray output(ImportedNetwork imported, INDArray flatRows, NetworkShape shape) {
        INDArray input = imported.inputLayout().adapt(flatRows, shape);
        return imported.network() instanceof MultiLayerNetwork mln
                ? mln.output(input, false)
                : ((ComputationGraph) imported.network()).outputSingle(false, input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp_4_8_3", "mlp_4_8_3_no_training_config", "functional_4_6_3", "conv_8x8x1", "tf_keras_sequential", "tf_keras_functional"})
    void theImportedNetworkComputesWhatNumpyComputesFromTheSameWeights(String name) throws IOException {
        NetworkShape shape = name.startsWith("conv") ? IMAGES : TABULAR;
        ImportedNetwork imported = load(name + ".h5", shape, adam());
        Fixtures.Reference reference = Fixtures.Reference.of(name + ".json");

        INDArray out = output(imported, reference.inputs(), shape);

        assertThat(out.shape()).isEqualTo(reference.outputs().shape());
        double[] actual = out.ravel().toDoubleVector();
        double[] expected = reference.outputs().ravel().toDoubleVector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    /** The engine's network for a Keras conv file runs on the lean convolution: same outputs, same training. */
    @Test
    void anImportedConvNetTrainsOnTheLeanConvolutionAsOnDl4jsWithinRounding() throws IOException {
        lrwb.engine.model.OptimizerSpec optimizer = lrwb.engine.model.OptimizerSpec.parse("adam");
        lrwb.engine.model.Network lean = lrwb.engine.model.Networks.network(
                lrwb.engine.model.ModelSpec.parse("keras:" + Fixtures.path("conv_8x8x1.h5").toAbsolutePath()), optimizer,
                SteerableSchedule.constant(0.01), IMAGES, 7, lrwb.engine.runtime.EngineTuning.defaults());
        MultiLayerNetwork stock = (MultiLayerNetwork) ModelFiles.load(ModelFileFormat.KERAS, Fixtures.path("conv_8x8x1.h5"),
                IMAGES, optimizer.updater(SteerableSchedule.constant(0.01)), 7, false).network();
        MultiLayerNetwork layers = lean.asLayerList().orElseThrow();
        assertThat(layers.getLayer(0).getClass().getSimpleName()).isEqualTo("LeanConvolution");
        Fixtures.Reference reference = Fixtures.Reference.of("conv_8x8x1.json");
        double[] expected = reference.outputs().ravel().toDoubleVector();
        double[] actual = lean.output(reference.inputs()).ravel().toDoubleVector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
        for (int i = 0; i < 4; i++) {
            org.nd4j.linalg.dataset.DataSet batch = lrwb.engine.model.TinyData.batch(IMAGES, 8, i);
            lean.fit(batch);
            stock.fit(new org.nd4j.linalg.dataset.DataSet(InputLayout.NHWC.adapt(batch.getFeatures(), IMAGES), batch.getLabels()));
            assertThat(lean.score()).isCloseTo(stock.score(), org.assertj.core.data.Offset.offset(1e-4 * stock.score()));
        }
        double[] l = lean.params().toDoubleVector();
        double[] s = stock.params().toDoubleVector();
        for (int i = 0; i < s.length; i++) {
            assertThat(l[i]).as("parameter %d", i).isCloseTo(s[i], org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void sequentialIsAMultiLayerNetworkReadingFlatRowsAndFunctionalAGraph() {
        assertThat(load("mlp_4_8_3.h5", TABULAR, adam()).network()).isInstanceOf(MultiLayerNetwork.class);
        assertThat(load("mlp_4_8_3.h5", TABULAR, adam()).inputLayout()).isEqualTo(InputLayout.FLAT);
        assertThat(load("functional_4_6_3.h5", TABULAR, adam()).network()).isInstanceOf(ComputationGraph.class);
    }

    /** DL4J's import keeps a Keras channels_last conv net reading [batch, height, width, channels]. */
    @Test
    void aChannelsLastConvNetReadsNhwc() {
        assertThat(load("conv_8x8x1.h5", IMAGES, adam()).inputLayout()).isEqualTo(InputLayout.NHWC);
    }

    @Test
    void aSoftmaxOutputBecomesACrossEntropyOutputLayerWithOrWithoutATrainingConfiguration() {
        for (String file : List.of("mlp_4_8_3.h5", "mlp_4_8_3_no_training_config.h5")) {
            MultiLayerNetwork net = (MultiLayerNetwork) load(file, TABULAR, adam()).network();
            OutputLayer output = (OutputLayer) net.getLayerWiseConfigurations().getConf(1).getLayer();
            assertThat(output.getLossFn()).isInstanceOf(LossMCXENT.class);
            assertThat(output.getActivationFn()).isInstanceOf(ActivationSoftmax.class);
        }
        assertThat(load("mlp_4_8_3_no_training_config.h5", TABULAR, adam()).notes())
                .containsExactly("the output layer 'dense_2' is trained on categorical cross-entropy (the file saves no loss)");
        assertThat(load("mlp_4_8_3.h5", TABULAR, adam()).notes()).isEmpty();
    }

    @Test
    void anOutputOfAnotherWidthIsReplacedAndTheRunSaysSo() throws IOException {
        ImportedNetwork imported = load("mlp_4_8_5.h5", TABULAR, adam());
        assertThat(imported.notes()).containsExactly("replaced the output layer: 5 -> 3 classes");
        MultiLayerNetwork net = (MultiLayerNetwork) imported.network();
        assertThat(net.layerSize(1)).isEqualTo(3);
        // The hidden layer keeps the file's weights; the new output layer is seeded, so two loads are equal.
        MultiLayerNetwork again = (MultiLayerNetwork) load("mlp_4_8_5.h5", TABULAR, adam()).network();
        assertThat(again.params()).isEqualTo(net.params());
        MultiLayerNetwork original = (MultiLayerNetwork) ModelFiles.load(ModelFileFormat.KERAS, Fixtures.path("mlp_4_8_5.h5"),
                NetworkShape.tabular(4, 5), adam(), 7, false).network();
        assertThat(net.getLayer(0).params()).isEqualTo(original.getLayer(0).params());
        for (double rowSum : output(imported, Fixtures.Reference.of("mlp_4_8_5.json").inputs(), TABULAR).sum(1).toDoubleVector()) {
            assertThat(rowSum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp_4_8_3", "functional_4_6_3", "conv_8x8x1"})
    void aFewAdamUpdatesLowerTheLoss(String name) {
        NetworkShape shape = name.startsWith("conv") ? IMAGES : TABULAR;
        ImportedNetwork imported = load(name + ".h5", shape, adam());
        DataSet batch = TinyData.batch(shape, 12, 3);
        batch.setFeatures(imported.inputLayout().adapt(batch.getFeatures(), shape));
        Model net = imported.network();
        double before = score(net, batch);
        for (int i = 0; i < 20; i++) {
            if (net instanceof MultiLayerNetwork mln) {
                mln.fit(batch);
            } else {
                ((ComputationGraph) net).fit(batch);
            }
        }
        assertThat(score(net, batch)).isLessThan(before);
    }

    private static double score(Model net, DataSet batch) {
        return net instanceof MultiLayerNetwork mln ? mln.score(batch) : ((ComputationGraph) net).score(batch);
    }

    /**
     * The LR is steered through one schedule object: every trainable layer must consult the very instance passed
     * in, even one whose clone() makes a copy (DL4J clones updater configurations per layer).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mlp_4_8_3", "functional_4_6_3", "conv_8x8x1", "mlp_4_8_5"})
    void everyTrainableLayerReadsTheOneScheduleObjectPassedIn(String name) {
        NetworkShape shape = name.startsWith("conv") ? IMAGES : TABULAR;
        ISchedule schedule = new CopyingSchedule(0.01);
        Adam updater = new Adam(schedule);
        Model net = load(name + ".h5", shape, updater).network();
        Layer[] layers = net instanceof MultiLayerNetwork mln ? mln.getLayers() : ((ComputationGraph) net).getLayers();
        int trainable = 0;
        for (Layer layer : layers) {
            if (layer.conf().getLayer() instanceof BaseLayer base) {
                trainable++;
                assertThat(base.getIUpdater()).isSameAs(updater);
                assertThat(((Adam) base.getIUpdater()).getLearningRateSchedule()).isSameAs(schedule);
                for (String param : layer.paramTable().keySet()) {
                    assertThat(((Adam) base.getUpdaterByParam(param)).getLearningRateSchedule()).isSameAs(schedule);
                }
            }
        }
        assertThat(trainable).isGreaterThanOrEqualTo(2);
    }

    @Test
    void describeListsTheLayersWithoutData() {
        ModelFileInfo conv = ModelFiles.describe(ModelFileFormat.KERAS, Fixtures.path("conv_8x8x1.h5"));
        assertThat(conv.kind()).isEqualTo("Sequential (MultiLayerNetwork)");
        assertThat(conv.inputShape()).isEqualTo("8×8×1 images");
        assertThat(conv.outputWidth()).isEqualTo(3);
        assertThat(conv.totalParams()).isEqualTo(3 * 3 * 4 + 4 + 36 * 3 + 3);
        assertThat(conv.layers()).containsExactly(
                new ModelFileInfo.LayerRow("conv2d_1", "ConvolutionLayer", "6×6×4", 40),
                new ModelFileInfo.LayerRow("max_pooling2d_1", "SubsamplingLayer", "3×3×4", 0),
                new ModelFileInfo.LayerRow("dense_1", "DenseLayer", "3", 111));

        ModelFileInfo functional = ModelFiles.describe(ModelFileFormat.KERAS, Fixtures.path("functional_4_6_3.h5"));
        assertThat(functional.kind()).isEqualTo("Functional (ComputationGraph)");
        assertThat(functional.inputShape()).isEqualTo("4 features");
        assertThat(functional.outputWidth()).isEqualTo(3);
        assertThat(functional.layers()).extracting(ModelFileInfo.LayerRow::name).containsExactly("dense_1", "dense_2");
    }

    /** A schedule whose clone is a copy, unlike SteerableSchedule's: the import must not rely on clone() returning this. */
    private record CopyingSchedule(double lr) implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            return lr;
        }

        @Override
        public ISchedule clone() {
            return new CopyingSchedule(lr);
        }
    }
}
