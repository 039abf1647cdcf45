package lrwb.engine.model.lean;

import lrwb.engine.model.Network;

import lrwb.engine.model.TinyData;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.Networks;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The networks {@link Networks#build} makes (lean dense and output layers, an updater fed its own gradient array)
 * must train exactly as DL4J's stock layers do: same parameters, same updater state and same scores, bit for bit.
 * (An mlp averages its gradients in the output layer: exact for batch sizes that are powers of two, the usual
 * ones; other sizes differ in the last bits.)
 */
class LeanNetworkTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);
    private static final NetworkShape IMAGE = NetworkShape.image(1, 8, 8, 3);
    /** The bit-for-bit comparisons run the output layer's ND4J path; the Java one is compared within rounding. */
    private static final EngineTuning ND4J_SOFTMAX = EngineTuning.defaults().withoutJavaArithmetic();
    private static final EngineTuning JAVA_SOFTMAX = EngineTuning.defaults();

    /**
     * Per update, within rounding (with glibc's exp and 3 classes even bit for bit; ND4J sums longer rows in
     * another order). Over many updates the differences grow as any float reordering's do.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SGD", "ADAM", "NESTEROV"})
    void theJavaSoftmaxTrainsAsNd4jsUpToRounding(Kind kind) {
        for (NetworkShape shape : List.of(TABULAR, NetworkShape.tabular(12, 10))) {
            ModelSpec model = ModelSpec.parse("mlp:6,5");
            OptimizerSpec optimizer = OptimizerSpec.of(kind);
            MultiLayerNetwork nd4j = Networks.build(model, optimizer, SteerableSchedule.constant(0.05), shape, 7, ND4J_SOFTMAX);
            MultiLayerNetwork java = Networks.build(model, optimizer, SteerableSchedule.constant(0.05), shape, 7, JAVA_SOFTMAX);
            List<float[]> nd4jPredictions = new ArrayList<>();
            List<float[]> javaPredictions = new ArrayList<>();
            Networks.listenToPredictions(Network.of(nd4j), (p, rows, classes) -> nd4jPredictions.add(p.clone()));
            Networks.listenToPredictions(Network.of(java), (p, rows, classes) -> javaPredictions.add(p.clone()));
            for (int i = 0; i < 40; i++) {
                DataSet batch = TinyData.batch(shape, 16, i);
                nd4j.fit(batch);
                java.fit(batch);
                assertThat(java.score()).as("score of update %d", i).isCloseTo(nd4j.score(), within(1e-5 * nd4j.score()));
                float[] a = nd4jPredictions.get(i);
                float[] b = javaPredictions.get(i);
                assertThat(b).hasSameSizeAs(a);
                for (int k = 0; k < a.length; k++) {
                    assertThat(b[k]).isCloseTo(a[k], within(1e-5f));
                }
            }
            double[] n = nd4j.params().toDoubleVector();
            double[] j = java.params().toDoubleVector();
            for (int k = 0; k < n.length; k++) {
                assertThat(j[k]).as("parameter %d", k).isCloseTo(n[k], within(1e-4 + 1e-4 * Math.abs(n[k])));
            }
        }
    }

    @Test
    void aDivergingUpdateGivesANonFiniteScoreOnTheJavaPathToo() {
        MultiLayerNetwork net = Networks.build(ModelSpec.parse("mlp:6"), OptimizerSpec.of(Kind.SGD),
                SteerableSchedule.constant(1e8), TABULAR, 7, JAVA_SOFTMAX);
        double score = 0;
        for (int i = 0; i < 20 && Double.isFinite(score); i++) {
            net.fit(TinyData.batch(TABULAR, 16, i));
            score = net.score();
        }
        assertThat(score).matches(s -> !Double.isFinite(s) || s > 10, "blown up");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoHiddenLayerMlpTrainsBitForBitLikeStockDl4j(Kind kind) {
        assertSameTraining(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(kind), TABULAR, 16, 25);
    }

    /** Products above the Java limit run through oneDNN's matmul: within rounding of DL4J's, forward and backward. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SGD", "ADAM", "NESTEROV"})
    void wideLayersTrainThroughOneDnnAsStockDl4jUpToRounding(Kind kind) {
        org.junit.jupiter.api.Assumptions.assumeTrue(OneDnn.available(), "oneDNN is not available here");
        NetworkShape wide = NetworkShape.tabular(200, 10);
        ModelSpec model = ModelSpec.parse("mlp:128,64");
        OptimizerSpec optimizer = OptimizerSpec.of(kind);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(model, optimizer, SteerableSchedule.constant(0.02), wide, 7);
        MultiLayerNetwork lean = Networks.build(model, optimizer, SteerableSchedule.constant(0.02), wide, 7, JAVA_SOFTMAX);
        for (int i = 0; i < 20; i++) {
            DataSet batch = TinyData.batch(wide, i % 2 == 0 ? 64 : 40, i); // two batch sizes: two sets of products
            stock.fit(batch);
            lean.fit(batch);
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stock.score(), within(1e-5 * stock.score()));
        }
        for (int layer = 0; layer < 2; layer++) {
            assertThat(((LeanDense) lean.getLayer(layer)).productsByOneDnn()).as("layer %d through oneDNN", layer).isTrue();
        }
        double[] s = stock.params().toDoubleVector();
        double[] l = lean.params().toDoubleVector();
        for (int i = 0; i < s.length; i++) {
            assertThat(l[i]).as("parameter %d", i).isCloseTo(s[i], within(1e-5 + 1e-4 * Math.abs(s[i])));
        }
        // and the same output as stock DL4J's for a batch it did not train on
        DataSet unseen = TinyData.batch(wide, 33, 99);
        float[] expected = stock.output(unseen.getFeatures()).ravel().toFloatVector();
        float[] actual = lean.output(unseen.getFeatures()).ravel().toFloatVector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    void batchSizesThatAreNoPowerOfTwoTrainTheSameUpToRounding() {
        ModelSpec model = ModelSpec.parse("mlp:6,5");
        OptimizerSpec optimizer = OptimizerSpec.of(Kind.ADAM);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(model, optimizer, SteerableSchedule.constant(0.02), TABULAR, 7);
        MultiLayerNetwork lean = Networks.build(model, optimizer, SteerableSchedule.constant(0.02), TABULAR, 7, ND4J_SOFTMAX);
        for (int i = 0; i < 25; i++) {
            DataSet batch = TinyData.batch(TABULAR, 12, i);
            stock.fit(batch);
            lean.fit(batch);
            assertThat(lean.score()).isCloseTo(stock.score(), within(1e-5 * stock.score()));
        }
        double[] s = stock.params().toDoubleVector();
        double[] l = lean.params().toDoubleVector();
        for (int i = 0; i < s.length; i++) {
            assertThat(l[i]).as("parameter %d", i).isCloseTo(s[i], within(1e-5 + 1e-4 * Math.abs(s[i])));
        }
    }

    /**
     * Large enough for BLAS to take its blocked kernels, whose summation order must match too, and for DL4J's {@code fit}
     * (not the Java step): its Nesterov update is ours in Java ({@link JavaNesterovsUpdater}), bit for bit ND4J's.
     */
    @Test
    void aWideMlpTrainsBitForBitLikeStockDl4j() {
        MultiLayerNetwork lean = assertSameTraining(ModelSpec.parse("mlp:256"), OptimizerSpec.of(Kind.NESTEROV),
                NetworkShape.tabular(300, 10), 64, 6);
        for (org.deeplearning4j.nn.updater.UpdaterBlock block : ((FlatGradientUpdater) lean.getUpdater()).getUpdaterBlocks()) {
            assertThat(block.getGradientUpdater() instanceof JavaNesterovsUpdater).isEqualTo(JavaNesterovsUpdater.IN_JAVA);
        }
    }

    @Test
    void anUpdateTheLeanOutputLayerCannotShortcutStillAveragesItsGradients() {
        ModelSpec model = ModelSpec.parse("mlp:6");
        OptimizerSpec optimizer = OptimizerSpec.of(Kind.SGD);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(model, optimizer, SteerableSchedule.constant(0.1), TABULAR, 3);
        MultiLayerNetwork lean = Networks.build(model, optimizer, SteerableSchedule.constant(0.1), TABULAR, 3, ND4J_SOFTMAX);
        for (int i = 0; i < 5; i++) {
            DataSet batch = TinyData.batch(TABULAR, 16, i);
            INDArray everyExample = org.nd4j.linalg.factory.Nd4j.ones(16, 1); // a labels mask: DL4J's own path
            stock.fit(batch.getFeatures(), batch.getLabels(), null, everyExample);
            lean.fit(batch.getFeatures(), batch.getLabels(), null, everyExample);
            lean.fit(batch); // and the shortcut in between, on both
            stock.fit(batch);
        }
        assertThat(lean.params()).isEqualTo(stock.params());
    }

    @Test
    void inferenceAndScoringBetweenUpdatesChangeNothing() {
        ModelSpec model = ModelSpec.parse("mlp:7");
        OptimizerSpec optimizer = OptimizerSpec.of(Kind.NESTEROV);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(model, optimizer, SteerableSchedule.constant(0.05), TABULAR, 3);
        MultiLayerNetwork lean = Networks.build(model, optimizer, SteerableSchedule.constant(0.05), TABULAR, 3, ND4J_SOFTMAX);
        DataSet a = TinyData.batch(TABULAR, 8, 1);
        DataSet b = TinyData.batch(TABULAR, 16, 2);
        for (MultiLayerNetwork net : List.of(stock, lean)) {
            net.fit(a);
            net.output(b.getFeatures(), true); // a training-mode forward pass on other data, then no backward pass
            net.output(b.getFeatures());
            net.score(b);
            net.fit(b);
        }
        assertThat(lean.params()).isEqualTo(stock.params());
        assertThat(lean.score()).isEqualTo(stock.score());
    }

    @Test
    void leanLayersAreDenseLayersWithTheSameConfiguration() {
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(Kind.ADAM),
                SteerableSchedule.constant(0.01), TABULAR, 1);
        MultiLayerNetwork lean = Networks.build(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(Kind.ADAM),
                SteerableSchedule.constant(0.01), TABULAR, 1, ND4J_SOFTMAX);
        for (int i = 0; i < 2; i++) {
            DenseLayer s = (DenseLayer) stock.getLayer(i).conf().getLayer();
            DenseLayer l = (DenseLayer) lean.getLayer(i).conf().getLayer();
            assertThat(l).isInstanceOf(LeanDenseLayer.class);
            assertThat(l.getNIn()).isEqualTo(s.getNIn());
            assertThat(l.getNOut()).isEqualTo(s.getNOut());
            assertThat(l.getActivationFn()).isEqualTo(s.getActivationFn());
            assertThat(l.getWeightInitFn()).isEqualTo(s.getWeightInitFn());
            assertThat(l.getBiasInit()).isEqualTo(s.getBiasInit());
            assertThat(l.getIUpdater().getClass()).isEqualTo(s.getIUpdater().getClass());
            assertThat(l.getRegularization()).isEqualTo(s.getRegularization());
            assertThat(l.getGradientNormalization()).isEqualTo(s.getGradientNormalization());
        }
        assertThat(((LeanDenseLayer) lean.getLayer(0).conf().getLayer()).inputGradientNeeded()).isFalse();
        assertThat(((LeanDenseLayer) lean.getLayer(0).conf().getLayer()).javaProductLimit()).as("from the tuning").isZero();
        assertThat(((LeanDenseLayer) Networks.build(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(Kind.ADAM),
                SteerableSchedule.constant(0.01), TABULAR, 1, JAVA_SOFTMAX).getLayerWiseConfigurations().clone().getConf(1)
                .getLayer()).javaProductLimit()).as("a configuration value: clones keep it")
                .isEqualTo(EngineTuning.DEFAULT_JAVA_PRODUCT_LIMIT);
        assertThat(((LeanDenseLayer) lean.getLayer(1).conf().getLayer()).inputGradientNeeded()).isTrue();
        assertThat(lean.getUpdater()).isInstanceOf(FlatGradientUpdater.class);
        assertThat(lean.getLayer(0).updaterDivideByMinibatch("W")).as("averaged in the output layer").isFalse();
        assertThat(stock.getLayer(0).updaterDivideByMinibatch("W")).isTrue();
        MultiLayerNetwork cnn = Networks.build(ModelSpec.cnn(), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01),
                IMAGE, 1, ND4J_SOFTMAX);
        assertThat(cnn.getLayer(cnn.getnLayers() - 2).updaterDivideByMinibatch("W"))
                .as("a cnn's convolutions divide in the updater, so every layer does").isTrue();
        OutputLayer stockOut = (OutputLayer) stock.getLayer(2).conf().getLayer();
        OutputLayer leanOut = (OutputLayer) lean.getLayer(2).conf().getLayer();
        assertThat(leanOut).isInstanceOf(LeanOutputLayer.class);
        assertThat(((LeanOutputLayer) leanOut).javaErrorLimit()).as("from the tuning").isZero();
        assertThat(((LeanOutputLayer) lean.getLayerWiseConfigurations().clone().getConf(2).getLayer()).javaErrorLimit())
                .as("a configuration value: clones keep it").isZero();
        assertThat(((LeanOutputLayer) Networks.build(ModelSpec.parse("mlp:6,5"), OptimizerSpec.of(Kind.ADAM),
                SteerableSchedule.constant(0.01), TABULAR, 1, JAVA_SOFTMAX).getLayer(2).conf().getLayer()).javaErrorLimit())
                .isEqualTo(EngineTuning.DEFAULT_JAVA_ERROR_LIMIT);
        assertThat(leanOut.getLossFn()).isEqualTo(stockOut.getLossFn());
        assertThat(leanOut.getActivationFn()).isEqualTo(stockOut.getActivationFn());
        assertThat(leanOut.getWeightInitFn()).isEqualTo(stockOut.getWeightInitFn());
        assertThat(leanOut.getBiasInit()).isEqualTo(stockOut.getBiasInit());
    }

    /** @return the lean network, trained */
    private static MultiLayerNetwork assertSameTraining(ModelSpec model, OptimizerSpec optimizer, NetworkShape shape,
                                                         int batchSize, int updates) {
        MultiLayerNetwork stock = Networks.buildWithStockLayers(model, optimizer, SteerableSchedule.constant(0.02), shape, 7);
        MultiLayerNetwork lean = Networks.build(model, optimizer, SteerableSchedule.constant(0.02), shape, 7, ND4J_SOFTMAX);
        assertThat(lean.params()).isEqualTo(stock.params());
        List<Double> stockScores = new ArrayList<>();
        List<Double> leanScores = new ArrayList<>();
        for (int i = 0; i < updates; i++) {
            DataSet batch = TinyData.batch(shape, batchSize, i);
            stock.fit(batch);
            lean.fit(batch);
            stockScores.add(stock.score());
            leanScores.add(lean.score());
        }
        assertThat(leanScores).isEqualTo(stockScores);
        assertThat(lean.params()).isEqualTo(stock.params());
        INDArray stockState = stock.getUpdater().getStateViewArray();
        INDArray leanState = lean.getUpdater().getStateViewArray();
        if (stockState == null) {
            assertThat(leanState).isNull();
        } else {
            assertThat(leanState).isEqualTo(stockState);
        }
        assertThat(stock.params()).isNotEqualTo(Networks.buildWithStockLayers(model, optimizer,
                SteerableSchedule.constant(0.02), shape, 7).params()); // it did train
        return lean;
    }
}
