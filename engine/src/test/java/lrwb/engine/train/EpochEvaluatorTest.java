package lrwb.engine.train;

import lrwb.engine.model.Network;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EpochEvaluatorTest {
    private static final NetworkShape SHAPE = NetworkShape.tabular(20, 4);
    /**
     * Overlap allowed whatever the machine: on one core the background evaluation takes turns with the test's
     * thread instead of running beside it, and the rows must be the same.
     */
    private static final EngineContext ENGINE = EngineContext.create(EngineTuning.defaults().withOverlapValidation(true));

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    /**
     * In the background, each epoch is evaluated on the parameters it ended with (not those of later updates), the
     * rows come out in order, and they hold exactly the figures an evaluation on the job's thread gives.
     */
    @Test
    void backgroundRowsMatchImmediateEvaluationOfTheSameParameters() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(64, 64), OptimizerSpec.parse("adam"),
                SteerableSchedule.constant(0.01), SHAPE, 4, EngineTuning.defaults());
        DataSet train = data(64, 1);
        DataSet validation = data(500, 2);
        assertThat(Evaluation.runsInJava(Network.of(net), validation)).as("a split only DL4J runs fast").isFalse();

        List<EpochMetrics> expected = new ArrayList<>();
        List<EpochMetrics> got = new ArrayList<>();
        try (EpochEvaluator background = new EpochEvaluator(Network.of(net), validation, true, ENGINE);
             EpochEvaluator immediate = new EpochEvaluator(Network.of(net), validation, false, ENGINE)) {
            assertThat(background.overlapped()).isTrue();
            assertThat(immediate.overlapped()).isFalse();
            for (int epoch = 0; epoch < 4; epoch++) {
                net.fit(train);
                EpochMetrics row = new EpochMetrics(epoch, 0.01, 1.5, 0.5, Double.NaN, Double.NaN, 0.25);
                expected.addAll(immediate.epochEnded(row, false));
                got.addAll(background.epochEnded(row, epoch == 3));
                net.fit(train); // the next epoch's updates, while the background evaluation may still run
                net.fit(train);
                background.poll().ifPresent(got::add);
            }
            assertThat(background.awaitPending()).as("the last epoch is evaluated at once").isEmpty();
        }
        assertThat(got).extracting(EpochMetrics::epoch).containsExactly(0, 1, 2, 3);
        for (int i = 0; i < 4; i++) {
            assertThat(got.get(i).valLoss()).isEqualTo(expected.get(i).valLoss()).isFinite();
            assertThat(got.get(i).valAccuracy()).isEqualTo(expected.get(i).valAccuracy());
            assertThat(got.get(i).trainLoss()).isEqualTo(1.5);
            assertThat(got.get(i).seconds()).isGreaterThan(0.25);
        }
        assertThat(expected).extracting(EpochMetrics::valLoss).doesNotHaveDuplicates(); // the parameters moved
    }

    @Test
    void aCnnIsEvaluatedInTheBackgroundOnACopyOfItsParametersToo() {
        NetworkShape images = NetworkShape.image(1, 8, 8, 3);
        MultiLayerNetwork cnn = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.05),
                images, 2, EngineTuning.defaults());
        Nd4j.getRandom().setSeed(9);
        DataSet train = new DataSet(Nd4j.rand(DataType.FLOAT, 16, 64), Nd4j.eye(3).repeat(0, 6).getRows(range(16)));
        DataSet validation = new DataSet(Nd4j.rand(DataType.FLOAT, 60, 64), Nd4j.eye(3).repeat(0, 20));
        try (EpochEvaluator background = new EpochEvaluator(Network.of(cnn), validation, true, ENGINE);
             EpochEvaluator immediate = new EpochEvaluator(Network.of(cnn), validation, false, ENGINE)) {
            assertThat(background.overlapped()).isTrue();
            for (int epoch = 0; epoch < 2; epoch++) {
                cnn.fit(train);
                EpochMetrics row = new EpochMetrics(epoch, 0.05, 1, 0.5, Double.NaN, Double.NaN, 0);
                EpochMetrics expected = immediate.epochEnded(row, false).get(0);
                assertThat(background.epochEnded(row, false)).isEmpty();
                EpochMetrics got = background.awaitPending().orElseThrow();
                assertThat(got.valLoss()).isEqualTo(expected.valLoss()).isFinite();
                assertThat(got.valAccuracy()).isEqualTo(expected.valAccuracy());
            }
        }
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void smallNetworksAndRunsThatReadTheFiguresAreEvaluatedAtOnce() {
        MultiLayerNetwork small = Networks.build(ModelSpec.mlp(4), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                SHAPE, 4, EngineTuning.defaults());
        try (EpochEvaluator e = new EpochEvaluator(Network.of(small), data(30, 3), true, ENGINE)) {
            assertThat(e.overlapped()).isFalse();
            assertThat(e.epochEnded(new EpochMetrics(0, 0.1, 1, 0.5, Double.NaN, Double.NaN, 0), false)).hasSize(1)
                    .allSatisfy(row -> assertThat(row.valLoss()).isFinite());
        }
        MultiLayerNetwork big = Networks.build(ModelSpec.mlp(64, 64), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                SHAPE, 4, EngineTuning.defaults());
        try (EpochEvaluator e = new EpochEvaluator(Network.of(big), data(500, 3), false, ENGINE)) {
            assertThat(e.overlapped()).isFalse();
        }
    }

    @Test
    void aContextWhoseTuningSaysNoEvaluatesAtOnce() {
        MultiLayerNetwork big = Networks.build(ModelSpec.mlp(64, 64), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                SHAPE, 4, EngineTuning.defaults());
        try (EngineContext oneCore = EngineContext.create(EngineTuning.defaults().withOverlapValidation(false));
             EpochEvaluator e = new EpochEvaluator(Network.of(big), data(500, 3), true, oneCore)) {
            assertThat(e.overlapped()).isFalse();
            assertThat(e.epochEnded(new EpochMetrics(0, 0.1, 1, 0.5, Double.NaN, Double.NaN, 0), false)).hasSize(1);
        }
    }

    private static DataSet data(int rows, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, rows, SHAPE.numFeatures()).subi(0.5);
        INDArray labels = Nd4j.create(DataType.FLOAT, rows, SHAPE.numClasses());
        for (int r = 0; r < rows; r++) {
            int label = (int) ((features.getDouble(r, 0) + 0.5) * SHAPE.numClasses()) % SHAPE.numClasses();
            labels.putScalar(r, label, 1);
        }
        return new DataSet(features, labels);
    }
}
