package lrwb.engine.model;

import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class NetworksTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);
    private static final NetworkShape IMAGE = NetworkShape.image(1, 8, 8, 3);

    @Test
    void mlpHasTheRequestedHiddenLayersAndASoftmaxOutput() {
        MultiLayerNetwork net = Networks.build(ModelSpec.parse("mlp:5,7"), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.1), TABULAR, 1, EngineTuning.defaults());
        assertThat(net.getnLayers()).isEqualTo(3);
        // 4*5+5, 5*7+7, 7*3+3
        assertThat(net.numParams()).isEqualTo(25 + 42 + 24);
        assertThat(net.output(TinyData.batch(TABULAR, 2, 0).getFeatures()).sum(1).toDoubleVector())
                .containsExactly(new double[] {1, 1}, offset(1e-5));
    }

    @Test
    void cnnBuildsForSmallImagesFedAsFlatRows() {
        MultiLayerNetwork net = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("adam"),
                SteerableSchedule.constant(1e-3), IMAGE, 1, EngineTuning.defaults());
        assertThat(net.getLayer(0).conf().getLayer()).isInstanceOf(ConvolutionLayer.class);
        INDArray out = net.output(TinyData.batch(IMAGE, 2, 0).getFeatures());
        assertThat(out.shape()).containsExactly(2, 3);
    }

    @Test
    void cnnBuildsForMnistSizedImages() {
        NetworkShape mnist = NetworkShape.image(1, 28, 28, 10);
        MultiLayerNetwork net = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.01), mnist, 1, EngineTuning.defaults());
        assertThat(net.output(TinyData.batch(mnist, 1, 0).getFeatures()).shape()).containsExactly(1, 10);
    }

    @Test
    void cnnRefusesTabularData() {
        assertThatThrownBy(() -> Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("adam"),
                SteerableSchedule.constant(1e-3), TABULAR, 1, EngineTuning.defaults()))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model cnn: layers[0] conv2d needs image data; the data has 4 tabular features");
    }

    @Test
    void mlpAcceptsImagesAsFlatPixels() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(6), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.1), IMAGE, 1, EngineTuning.defaults());
        assertThat(net.numParams()).isEqualTo(64 * 6 + 6 + 6 * 3 + 3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyOptimizerTrainsWithoutNaN(Kind kind) {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(8), OptimizerSpec.of(kind),
                SteerableSchedule.constant(0.01), TABULAR, 5, EngineTuning.defaults());
        DataSet batch = TinyData.batch(TABULAR, 12, 5);
        INDArray before = net.params().dup();
        for (int i = 0; i < 5; i++) {
            net.fit(batch);
        }
        assertThat(Double.isFinite(net.score())).as("score").isTrue();
        assertThat(net.params().isNaN().any() || net.params().isInfinite().any()).as("NaN/Inf in params").isFalse();
        assertThat(net.params()).as("params moved").isNotEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "ADADELTA", mode = EnumSource.Mode.EXCLUDE)
    void everyLayerReadsTheOneSteerableSchedule(Kind kind) {
        for (ModelSpec model : new ModelSpec[] {ModelSpec.mlp(5, 4), ModelSpec.cnn()}) {
            SteerableSchedule lr = SteerableSchedule.constant(0.1);
            MultiLayerNetwork net = Networks.build(model, OptimizerSpec.of(kind), lr, IMAGE, 1, EngineTuning.defaults());
            lr.override(0.0123);
            int layersWithParams = 0;
            for (int i = 0; i < net.getnLayers(); i++) {
                Layer layer = net.getLayer(i);
                if (layer.numParams() == 0) {
                    continue;
                }
                layersWithParams++;
                assertThat(net.getLearningRate(i)).as("%s layer %d", model, i).isEqualTo(0.0123);
            }
            assertThat(layersWithParams).isEqualTo(model.equals(ModelSpec.cnn()) ? 4 : 3);
        }
    }

    @Test
    void overridingTheHandleChangesTheStepsActuallyTaken() {
        DataSet batch = TinyData.batch(TABULAR, 6, 3);
        double[] stepSizes = new double[2];
        for (int run = 0; run < 2; run++) {
            SteerableSchedule lr = SteerableSchedule.constant(0.01);
            MultiLayerNetwork net = Networks.build(ModelSpec.mlp(5, 4), OptimizerSpec.parse("sgd"), lr, TABULAR, 1, EngineTuning.defaults());
            if (run == 1) {
                lr.override(0.02);
            }
            INDArray before = net.params().dup();
            net.fit(batch);
            stepSizes[run] = net.params().sub(before).norm2Number().doubleValue();
        }
        // Same gradients, so doubling the LR doubles plain SGD's step in every layer.
        assertThat(stepSizes[1] / stepSizes[0]).isCloseTo(2.0, offset(1e-3));
    }

    @Test
    void everyLayerSharesTheHandleInstance() {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        MultiLayerNetwork net = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("momentum"), lr, IMAGE, 1, EngineTuning.defaults());
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof BaseLayer base) {
                assertThat(((ClassicalMomentum) base.getIUpdater()).getLearningRateSchedule()).isSameAs(lr);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void configurationSurvivesDl4jJsonWithEveryOptimizer(Kind kind) {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(5), OptimizerSpec.of(kind),
                SteerableSchedule.constant(0.02), TABULAR, 1, EngineTuning.defaults());
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        for (int i = 0; i < back.getConfs().size(); i++) {
            IUpdater original = ((BaseLayer) net.getLayerWiseConfigurations().getConf(i).getLayer()).getIUpdater();
            IUpdater reloaded = ((BaseLayer) back.getConf(i).getLayer()).getIUpdater();
            assertThat(reloaded).hasSameClassAs(original);
            if (original.hasLearningRate()) {
                assertThat(reloaded.getLearningRate(3, 0)).isEqualTo(0.02);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp:8,4|momentum", "mlp:8|adam", "cnn|nesterov", "cnn|rmsprop"})
    void sameSeedGivesIdenticalParametersAfterInitAndAfterFits(String modelAndOptimizer) {
        String[] parts = modelAndOptimizer.split("\\|");
        ModelSpec model = ModelSpec.parse(parts[0]);
        OptimizerSpec optimizer = OptimizerSpec.parse(parts[1]);
        DataSet batch = TinyData.batch(IMAGE, 8, 9);
        MultiLayerNetwork a = Networks.build(model, optimizer, SteerableSchedule.constant(0.01), IMAGE, 42, EngineTuning.defaults());
        MultiLayerNetwork b = Networks.build(model, optimizer, SteerableSchedule.constant(0.01), IMAGE, 42, EngineTuning.defaults());
        MultiLayerNetwork other = Networks.build(model, optimizer, SteerableSchedule.constant(0.01), IMAGE, 43, EngineTuning.defaults());
        assertThat(a.params()).isEqualTo(b.params());
        assertThat(a.params()).isNotEqualTo(other.params());
        for (int i = 0; i < 5; i++) {
            a.fit(batch);
            b.fit(batch);
        }
        assertThat(a.params()).isEqualTo(b.params());
    }
}
