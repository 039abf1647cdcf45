package lrwb.engine.model;

import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassicalMomentumTest {
    private static final NetworkShape SHAPE = NetworkShape.tabular(3, 2);

    @Test
    void stepsFollowTheKerasRecurrenceForAConstantGradient() {
        ClassicalMomentum config = new ClassicalMomentum(SteerableSchedule.constant(0.1), 0.9);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        GradientUpdater<?> updater = config.instantiate(state, true);
        double[] g = {2.0, -0.5};
        // v = 0.9 v - 0.1 g; DL4J subtracts what we return, so the step returned is -v.
        double[] expectedMultiples = {0.1, 0.19, 0.271};
        for (int t = 0; t < 3; t++) {
            INDArray gradient = Nd4j.createFromArray(new double[][] {g});
            updater.applyUpdater(gradient, t, 0);
            assertThat(gradient.getDouble(0)).isCloseTo(expectedMultiples[t] * g[0], within(1e-12));
            assertThat(gradient.getDouble(1)).isCloseTo(expectedMultiples[t] * g[1], within(1e-12));
            // The velocity lives in the state array DL4J gave us, with Keras' sign.
            assertThat(state.getDouble(0)).isCloseTo(-expectedMultiples[t] * g[0], within(1e-12));
        }
    }

    /** A float vector is updated in Java, a matrix through ND4J's operations: the same roundings, bit for bit. */
    @Test
    void theJavaPathGivesNd4jsFloatsBitForBit() {
        ClassicalMomentum config = new ClassicalMomentum(SteerableSchedule.constant(0.037), 0.93);
        int n = 5000;
        ClassicalMomentumUpdater java = new ClassicalMomentumUpdater(config);
        ClassicalMomentumUpdater nd4j = new ClassicalMomentumUpdater(config);
        INDArray javaState = Nd4j.zeros(DataType.FLOAT, 1, n);
        INDArray nd4jState = Nd4j.zeros(DataType.FLOAT, 1, n);
        java.setStateViewArray(javaState, new long[] {1, n}, 'c', true);
        nd4j.setStateViewArray(nd4jState, new long[] {2, n / 2}, 'c', true);
        java.util.Random random = new java.util.Random(5);
        for (int t = 0; t < 4; t++) {
            float[] g = new float[n];
            for (int k = 0; k < n; k++) {
                g[k] = (float) random.nextGaussian();
            }
            INDArray vector = Nd4j.create(g, new long[] {1, n}, 'c');
            INDArray matrix = Nd4j.create(g, new long[] {2, n / 2}, 'c');
            java.applyUpdater(vector, t, 0);
            nd4j.applyUpdater(matrix, t, 0);
            assertThat(floatBits(vector)).as("update %d", t).isEqualTo(floatBits(matrix.reshape(1, n)));
            assertThat(floatBits(javaState)).as("velocity after update %d", t).isEqualTo(floatBits(nd4jState));
        }
        assertThat(javaState.getFloat(0)).isNotZero();
    }

    private static int[] floatBits(INDArray a) {
        float[] values = a.dup('c').toFloatVector();
        int[] bits = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Float.floatToRawIntBits(values[k]);
        }
        return bits;
    }

    @Test
    void readsTheLearningRateOfEachUpdateFromTheSchedule() {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        GradientUpdater<?> updater = new ClassicalMomentum(lr, 0.5).instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 1), true);
        INDArray first = Nd4j.ones(DataType.DOUBLE, 1, 1);
        updater.applyUpdater(first, 0, 0);
        lr.override(1.0);
        INDArray second = Nd4j.ones(DataType.DOUBLE, 1, 1);
        updater.applyUpdater(second, 1, 0);
        assertThat(first.getDouble(0)).isCloseTo(0.1, within(1e-12));
        assertThat(second.getDouble(0)).isCloseTo(0.5 * 0.1 + 1.0, within(1e-12));
    }

    @Test
    void zeroMomentumIsPlainSgd() {
        GradientUpdater<?> updater = new ClassicalMomentum(SteerableSchedule.constant(0.1), 0)
                .instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 1), true);
        for (int t = 0; t < 3; t++) {
            INDArray gradient = Nd4j.ones(DataType.DOUBLE, 1, 1);
            updater.applyUpdater(gradient, t, 0);
            assertThat(gradient.getDouble(0)).isCloseTo(0.1, within(1e-12));
        }
    }

    @Test
    void networkParametersFollowTheRecurrenceOverThreeFits() {
        double lr = 0.1;
        double m = 0.9;
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(4), OptimizerSpec.parse("momentum:0.9"),
                SteerableSchedule.constant(lr), SHAPE, 7, EngineTuning.defaults());
        MultiLayerNetwork probe = net.clone(); // computes the gradients the manual recurrence needs
        DataSet batch = TinyData.batch(SHAPE, 6, 1);
        probe.setInput(batch.getFeatures());
        probe.setLabels(batch.getLabels());

        INDArray w = net.params().castTo(DataType.DOUBLE);
        INDArray v = Nd4j.zeros(DataType.DOUBLE, w.shape());
        for (int t = 0; t < 3; t++) {
            probe.setParams(w.castTo(probe.params().dataType()));
            probe.computeGradientAndScore();
            // computeGradientAndScore sums over the batch; fit's updater divides by the batch size first.
            INDArray g = probe.gradient().gradient().castTo(DataType.DOUBLE).div(batch.numExamples());
            v = v.mul(m).sub(g.mul(lr));
            w = w.add(v);

            net.fit(batch);
            INDArray actual = net.params().castTo(DataType.DOUBLE);
            assertThat(actual.sub(w).amaxNumber().doubleValue()).as("max |w - expected| after fit %d", t + 1)
                    .isLessThan(1e-5);
        }
        assertThat(w.sub(probe.params().castTo(DataType.DOUBLE)).amaxNumber().doubleValue())
                .as("the fits moved the weights").isGreaterThan(1e-3);
    }

    @Test
    void velocitySurvivesASnapshotAndRestoreOfTheUpdaterStateView() {
        DataSet batch = TinyData.batch(SHAPE, 6, 2);
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(4), OptimizerSpec.parse("momentum"),
                SteerableSchedule.constant(0.05), SHAPE, 3, EngineTuning.defaults());
        net.fit(batch);
        net.fit(batch);
        INDArray savedParams = net.params().dup();
        INDArray savedState = net.getUpdater().getStateViewArray().dup();
        assertThat(savedState.length()).isEqualTo(net.numParams());
        assertThat(savedState.amaxNumber().doubleValue()).as("velocity is in the view").isGreaterThan(0);

        net.fit(batch);
        net.fit(batch);
        INDArray afterTwoMore = net.params().dup();

        net.setParams(savedParams);
        net.getUpdater().getStateViewArray().assign(savedState);
        net.fit(batch);
        net.fit(batch);
        assertThat(net.params()).isEqualTo(afterTwoMore);

        // Restoring only the weights, with the velocity zeroed, lands elsewhere: the state really matters.
        net.setParams(savedParams);
        net.getUpdater().getStateViewArray().assign(0);
        net.fit(batch);
        net.fit(batch);
        assertThat(net.params()).isNotEqualTo(afterTwoMore);
    }

    @Test
    void survivesDl4jConfigurationJson() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(4), OptimizerSpec.parse("momentum:0.8"),
                SteerableSchedule.constant(0.03), SHAPE, 3, EngineTuning.defaults());
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        ClassicalMomentum updater = (ClassicalMomentum) ((BaseLayer) back.getConf(0).getLayer()).getIUpdater();
        assertThat(updater.getMomentum()).isEqualTo(0.8);
        // A reloaded configuration has its own handle, still starting at the same LR.
        assertThat(updater.getLearningRateSchedule()).isInstanceOf(SteerableSchedule.class);
        assertThat(updater.getLearningRate(0, 0)).isEqualTo(0.03);
    }

    @Test
    void velocityIsSavedWithTheModel(@TempDir Path dir) throws Exception {
        DataSet batch = TinyData.batch(SHAPE, 6, 4);
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(4), OptimizerSpec.parse("momentum"),
                SteerableSchedule.constant(0.05), SHAPE, 3, EngineTuning.defaults());
        net.fit(batch);
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(net.getUpdater().getStateViewArray());
        net.fit(batch);
        restored.fit(batch);
        assertThat(restored.params()).isEqualTo(net.params());
    }

    @Test
    void rejectsMomentumOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new ClassicalMomentum(SteerableSchedule.constant(0.1), 1.0))
                .hasMessage("momentum must be in [0, 1) (got 1.0)");
        assertThatThrownBy(() -> new ClassicalMomentum(SteerableSchedule.constant(0.1), -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
