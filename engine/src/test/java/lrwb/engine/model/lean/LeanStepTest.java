package lrwb.engine.model.lean;

import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.model.TinyData;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanStep} must update a network exactly as DL4J's {@code fit} updates the same network of lean layers: the
 * same scores (clipped and unclipped), class probabilities, parameters, updater state and counters, bit for bit,
 * with every optimizer, schedules that read the iteration, regularisation, gradient clipping and batches of any size.
 */
class LeanStepTest {
    private static final NetworkShape SHAPE = NetworkShape.tabular(4, 3);
    private static final EngineTuning JAVA = EngineTuning.defaults();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyOptimizerUpdatesBitForBitAsFit(Kind kind) {
        assertSameUpdates(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(kind), SteerableSchedule.constant(0.05), SHAPE,
                new int[] {16, 16, 12, 5, 16}, 30, net -> { });
    }

    /**
     * The updater runs in Java (JavaUpdate) for every optimizer when nothing regularises: not with weight decay
     * (adamw's default).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theUpdaterRunsInJavaForEveryOptimizerWithAJavaForm(Kind kind) {
        OptimizerSpec optimizer = OptimizerSpec.of(kind);
        MultiLayerNetwork net = build(ModelSpec.parse("mlp:6,5"), optimizer, SteerableSchedule.constant(0.05), SHAPE);
        for (int i = 0; i < 3; i++) {
            assertThat(LeanLayers.fitInJava(net, TinyData.batch(SHAPE, 16, i))).isTrue();
        }
        boolean expected = optimizer.weightDecay().isEmpty();
        assertThat(LeanLayers.updatedInJava(net)).as(kind + ", weight decay " + optimizer.weightDecay()).isEqualTo(expected);
    }

    @Test
    void aScheduleReadingTheIterationAndL2RegularisationUpdateAsFit() {
        SteerableSchedule steps = new SteerableSchedule(new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 4));
        ModelSpec withL2 = ModelSpec.parse("{\"layers\":[{\"type\":\"dense\",\"units\":7,\"activation\":\"relu\"},"
                + "{\"type\":\"dense\",\"units\":5,\"activation\":\"relu\"}],\"l2\":0.001}");
        assertSameUpdates(withL2, OptimizerSpec.parse("sgdw:momentum=0.9,wd=0.01"), steps, SHAPE, new int[] {16, 9}, 20, net -> { });
    }

    @Test
    void gradientClippingUpdatesAsFit() {
        Consumer<MultiLayerNetwork> clip = net -> {
            for (Layer layer : net.getLayers()) {
                BaseLayer conf = (BaseLayer) layer.conf().getLayer();
                conf.setGradientNormalization(GradientNormalization.ClipL2PerLayer);
                conf.setGradientNormalizationThreshold(0.05);
            }
        };
        assertSameUpdates(ModelSpec.parse("mlp:8"), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.5),
                NetworkShape.tabular(5, 4), new int[] {8}, 15, clip);
    }

    /** The sweep benchmark's cells: two inputs, 64 and 32 units, the largest products the Java path takes. */
    @Test
    void theLargestJavaProductsUpdateAsFit() {
        assertSameUpdates(ModelSpec.parse("mlp:64,32"), OptimizerSpec.of(Kind.NESTEROV), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(2, 2), new int[] {32}, 10, net -> { });
    }

    /**
     * An all-lean MLP keeps products up to four times the layers' Java limit in Java (LeanLayers.ALL_LEAN_PRODUCT_FACTOR):
     * digits' 64-32-10 at batch 64 (131,072 multiply-adds) and 128-64-10 at batch 32 (262,144, the most) go through
     * the step, bit for bit as fit; one input more and the first product is left to fit and ND4J.
     */
    @Test
    void productsUpToFourTimesTheLimitUpdateAsFitAndNoLarger() {
        assertSameUpdates(ModelSpec.parse("mlp:32"), OptimizerSpec.of(Kind.NESTEROV), SteerableSchedule.constant(0.05),
                NetworkShape.tabular(64, 10), new int[] {64}, 6, net -> { });
        assertSameUpdates(ModelSpec.parse("mlp:64"), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01),
                NetworkShape.tabular(128, 10), new int[] {32}, 6, net -> { });
        NetworkShape wider = NetworkShape.tabular(129, 10);
        MultiLayerNetwork net = build(ModelSpec.parse("mlp:64"), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01), wider);
        assertThat(LeanLayers.fitInJava(net, TinyData.batch(wider, 32, 1))).as("264,192 multiply-adds").isFalse();
        assertThat(LeanLayers.fitInJava(net, TinyData.batch(wider, 31, 1))).as("255,936 multiply-adds").isTrue();
    }

    @Test
    void aDivergingNetworkScoresNotFiniteAsFitDoes() {
        assertSameUpdates(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD), SteerableSchedule.constant(1e8), SHAPE,
                new int[] {16}, 12, net -> { });
        MultiLayerNetwork net = build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD), SteerableSchedule.constant(1e8), SHAPE);
        double score = 0;
        for (int i = 0; i < 12 && Double.isFinite(score); i++) {
            LeanLayers.fitInJava(net, TinyData.batch(SHAPE, 16, i));
            score = net.score();
        }
        assertThat(score).matches(s -> !Double.isFinite(s) || s > 10, "blown up");
    }

    @Test
    void whatItDoesNotCoverIsLeftToFitUntouched() {
        MultiLayerNetwork net = build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD), SteerableSchedule.constant(0.1), SHAPE);
        DataSet batch = TinyData.batch(SHAPE, 16, 1);
        double[] before = net.params().toDoubleVector();

        DataSet masked = batch.copy();
        masked.setLabelsMaskArray(Nd4j.ones(16, 1));
        assertThat(LeanLayers.fitInJava(net, masked)).as("labels mask").isFalse();
        DataSet doubles = new DataSet(batch.getFeatures().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), batch.getLabels());
        assertThat(LeanLayers.fitInJava(net, doubles)).as("double features").isFalse();
        assertThat(LeanLayers.fitInJava(net, TinyData.batch(NetworkShape.tabular(5, 3), 16, 1))).as("wrong width").isFalse();
        assertThat(LeanLayers.fitInJava(net, TinyData.batch(SHAPE, 2000, 1))).as("products over the Java limit").isFalse();
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
            }
        });
        assertThat(LeanLayers.fitInJava(net, batch)).as("a DL4J listener").isFalse();
        assertThat(net.params().toDoubleVector()).isEqualTo(before);
        assertThat(net.getIterationCount()).isZero();

        net.setListeners(List.of());
        assertThat(LeanLayers.fitInJava(net, batch)).isTrue();
        assertThat(net.getIterationCount()).isEqualTo(1);
        assertThat(net.params().toDoubleVector()).isNotEqualTo(before);

        MultiLayerNetwork nd4jProducts = Networks.build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD),
                SteerableSchedule.constant(0.1), SHAPE, 7, JAVA.withoutJavaArithmetic());
        assertThat(LeanLayers.fitInJava(nd4jProducts, batch)).as("ND4J's products").isFalse();
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD),
                SteerableSchedule.constant(0.1), SHAPE, 7);
        assertThat(LeanLayers.fitInJava(stock, batch)).as("DL4J's layers").isFalse();
    }

    @Test
    void networkFitTakesTheJavaStep() {
        Network net = Network.of(build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01), SHAPE));
        MultiLayerNetwork reference = build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01), SHAPE);
        for (int i = 0; i < 5; i++) {
            DataSet batch = TinyData.batch(SHAPE, 16, i);
            net.fit(batch);
            reference.fit(batch);
        }
        assertThat(net.params()).isEqualTo(reference.params());
        assertThat(net.unclippedScore()).isEqualTo(LeanLayers.unclippedScore(reference));
        assertThat(net.iterationCount()).isEqualTo(5);
    }

    /** The values' bits, NaN as one NaN (ND4J's equality says NaN differs from NaN); null for no array. */
    private static int[] bits(INDArray array) {
        if (array == null) {
            return null;
        }
        float[] values = array.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatVector();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }

    private static MultiLayerNetwork build(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr, NetworkShape shape) {
        return Networks.build(model, optimizer, lr, shape, 7, JAVA);
    }

    /**
     * Trains two identical networks, one with {@code fit} and one with the Java step, on batches of the given sizes in
     * turn, and compares everything an update leaves behind after every update.
     */
    private static void assertSameUpdates(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr, NetworkShape shape,
                                          int[] batchSizes, int updates, Consumer<MultiLayerNetwork> adjust) {
        MultiLayerNetwork viaFit = build(model, optimizer, lr, shape);
        MultiLayerNetwork viaStep = build(model, optimizer, lr, shape);
        adjust.accept(viaFit);
        adjust.accept(viaStep);
        List<float[]> fitProbabilities = new ArrayList<>();
        List<float[]> stepProbabilities = new ArrayList<>();
        LeanLayers.listenToProbabilities(viaFit, (p, rows, classes) -> fitProbabilities.add(p.clone()));
        LeanLayers.listenToProbabilities(viaStep, (p, rows, classes) -> stepProbabilities.add(p.clone()));
        for (int i = 0; i < updates; i++) {
            DataSet batch = TinyData.batch(shape, batchSizes[i % batchSizes.length], i);
            viaFit.fit(batch);
            assertThat(LeanLayers.fitInJava(viaStep, batch)).as("the Java step covers update %d", i).isTrue();
            // bits, so that NaN equals NaN
            assertThat(Double.doubleToLongBits(viaStep.score())).as("score of update %d", i)
                    .isEqualTo(Double.doubleToLongBits(viaFit.score()));
            assertThat(Double.doubleToLongBits(LeanLayers.unclippedScore(viaStep))).as("unclipped score of update %d", i)
                    .isEqualTo(Double.doubleToLongBits(LeanLayers.unclippedScore(viaFit)));
            assertThat(stepProbabilities.get(i)).as("probabilities of update %d", i).isEqualTo(fitProbabilities.get(i));
            assertThat(bits(viaStep.params())).as("parameters after update %d", i).isEqualTo(bits(viaFit.params()));
            assertThat(bits(viaStep.getUpdater().getStateViewArray())).as("updater state after update %d", i)
                    .isEqualTo(bits(viaFit.getUpdater().getStateViewArray()));
            assertThat(bits(viaStep.getFlattenedGradients())).as("the update left in the gradient array, update %d", i)
                    .isEqualTo(bits(viaFit.getFlattenedGradients()));
            assertThat(viaStep.getIterationCount()).isEqualTo(viaFit.getIterationCount()).isEqualTo(i + 1);
            for (int l = 0; l < viaStep.getnLayers(); l++) {
                assertThat(viaStep.getLayer(l).getIterationCount()).isEqualTo(viaFit.getLayer(l).getIterationCount());
            }
        }
        assertThat(viaStep.params()).isNotEqualTo(build(model, optimizer, lr, shape).params()); // it did train
    }
}
