package lrwb.engine.finder;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The range test records and stops on the true cross-entropy, not DL4J's (clipped at −ln 1e-10 ≈ 23.03 per example). */
class UnclippedLossRangeTestTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void aDivergingRunRecordsLossesFarAbove23AndStopsOnTheFourTimesRule() {
        RangeTestConfig config = RangeTestConfig.of(1, 1e4, 40, SweepMode.EXP);
        RangeTestResult r = RangeTestJob.prepare(new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:64,32"),
                OptimizerSpec.parse("sgd"), 16, config), ENGINE).run(RangeTestListener.NONE, () -> false);

        List<RangePoint> p = r.points();
        RangePoint last = p.get(p.size() - 1);
        assertThat(last.loss()).isGreaterThanOrEqualTo(50); // DL4J's score can't pass 23.03
        assertThat(r.diverged()).isTrue();
        assertThat(p.size()).isLessThan(40);
        double best = p.stream().mapToDouble(RangePoint::smoothed).min().orElseThrow();
        assertThat(last.smoothed()).isFinite().isGreaterThan(config.divergeFactor() * best);
        assertThat(p.subList(0, p.size() - 1)).allSatisfy(q ->
                assertThat(q.smoothed()).isLessThanOrEqualTo(config.divergeFactor() * best));
    }

    @Test
    void aNormalUpdatesLossIsDl4jsScoreExactly() {
        for (long errorLimit : new long[] {EngineTuning.DEFAULT_JAVA_ERROR_LIMIT, 0}) { // the Java and the ND4J path
            Network net = irisNetwork(errorLimit, 0.01);
            net.fit(batch());
            assertThat(net.unclippedScore()).isEqualTo(net.score());
            assertThat(net.score()).isBetween(0.1, 5.0);
        }
    }

    @Test
    void theJavaAndNd4jPathsAgreeOnAClippedLoss() {
        // a first update at LR 1e4 blows the weights up; the second update's loss is far past the clip
        double[] unclipped = new double[2];
        double[] clipped = new double[2];
        long[] limits = {EngineTuning.DEFAULT_JAVA_ERROR_LIMIT, 0};
        for (int k = 0; k < 2; k++) {
            Network net = irisNetwork(limits[k], 1e4);
            net.fit(batch());
            net.fit(batch());
            unclipped[k] = net.unclippedScore();
            clipped[k] = net.score();
        }
        assertThat(clipped[0]).isLessThanOrEqualTo(-Math.log(1e-10) + 1e-6);
        assertThat(unclipped[0]).isGreaterThan(50);
        assertThat(unclipped[1]).isCloseTo(unclipped[0], within(1e-4 * unclipped[0]));
    }

    private static Network irisNetwork(long javaErrorLimit, double lr) {
        LoadedData data = Datasets.load(DataOptions.of("iris"));
        EngineTuning defaults = EngineTuning.defaults();
        EngineTuning tuning = new EngineTuning(javaErrorLimit, defaults.javaProductLimit(), defaults.overlapValidation(), false);
        return Networks.network(ModelSpec.parse("mlp:64,32"), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(lr),
                NetworkShape.of(data), 42, tuning);
    }

    private static DataSet batch() {
        DataSet train = Datasets.load(DataOptions.of("iris")).train();
        return new DataSet(train.getFeatures().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all()).dup(),
                train.getLabels().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all()).dup());
    }
}
