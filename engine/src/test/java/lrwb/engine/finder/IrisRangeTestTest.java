package lrwb.engine.finder;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real range test on iris with an MLP and plain SGD has the textbook shape. */
class IrisRangeTestTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    private static RangeTestRequest iris(String optimizer, RangeTestConfig config) {
        return new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:64,32"), OptimizerSpec.parse(optimizer), 16, config);
    }

    @Test
    void flatStartThenDescentThenDivergenceBeforeLr10() {
        RangeTestConfig config = RangeTestConfig.of(1e-7, 10, 300, SweepMode.EXP);
        RangeTestResult r = RangeTestJob.prepare(iris("sgd", config), ENGINE).run(RangeTestListener.NONE, () -> false);

        List<RangePoint> p = r.points();
        // flat: past the skipped start (the first 10%, where the average is still settling) and up to lr 1e-4,
        // the smoothed loss stays within 5% of its level there
        double start = p.get(config.skipStart()).smoothed();
        assertThat(p.subList(config.skipStart(), p.size()).stream().filter(q -> q.lr() < 1e-4))
                .hasSizeGreaterThan(50)
                .allMatch(q -> Math.abs(q.smoothed() - start) < 0.05 * start);
        // a descent: the smoothed loss falls well below its start
        double best = p.stream().mapToDouble(RangePoint::smoothed).min().orElseThrow();
        assertThat(best).isLessThan(0.7 * start);
        // divergence before the sweep reaches lr 10
        assertThat(r.diverged()).isTrue();
        assertThat(p.get(p.size() - 1).lr()).isLessThan(10);
        // and suggestions inside the descent
        Suggestions s = r.suggestions();
        assertThat(s.cyclic()).isNotNull();
        assertThat(s.cyclic().lower()).isLessThan(s.cyclic().upper());
        assertThat(s.steepest()).isBetween(1e-5, 10.0);
        assertThat(s.valley()).isBetween(1e-5, 10.0);
    }

    @Test
    void sameSeedSameNumbersDifferentSeedDifferentNumbers() {
        RangeTestConfig config = RangeTestConfig.of(1e-5, 1, 40, SweepMode.EXP);
        List<RangePoint> a = RangeTestJob.prepare(iris("adam", config), ENGINE).run(RangeTestListener.NONE, () -> false).points();
        List<RangePoint> b = RangeTestJob.prepare(iris("adam", config), ENGINE).run(RangeTestListener.NONE, () -> false).points();
        List<RangePoint> c = RangeTestJob.prepare(iris("adam", config.withSeed(7)), ENGINE).run(RangeTestListener.NONE, () -> false).points();
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void adadeltaSweepsItsLrMultiplier() {
        // torch's adadelta lr multiplies the step, so sweeping it is a real range test (it used to be refused).
        List<RangePoint> points = RangeTestJob.prepare(iris("adadelta", RangeTestConfig.of(1e-3, 10, 20, SweepMode.EXP)
                .withDivergeFactor(1e9)), ENGINE).run(RangeTestListener.NONE, () -> false).points();
        assertThat(points).hasSize(20).allSatisfy(p -> assertThat(p.loss()).isFinite());
        assertThat(points.get(19).lr()).isGreaterThan(points.get(0).lr());
    }

    @Test
    void cnnOnTabularDataIsRefused() {
        assertThatThrownBy(() -> RangeTestJob.prepare(new RangeTestRequest(DataOptions.of("iris"), ModelSpec.cnn(),
                OptimizerSpec.parse("sgd"), 16, RangeTestConfig.defaults()), ENGINE))
                .hasMessage("--model cnn: layers[0] conv2d needs image data; the data has 4 tabular features (iris)");
    }

    @Test
    void theNetworkIsAsBuiltAfterTheTest() {
        RangeTestJob job = RangeTestJob.prepare(iris("momentum", RangeTestConfig.of(1e-4, 1, 30, SweepMode.EXP)), ENGINE);
        var before = job.network().params().dup();
        job.run(RangeTestListener.NONE, () -> false);
        assertThat(job.network().params()).isEqualTo(before);
        assertThat(job.network().updaterState().sumNumber().doubleValue()).isZero();
    }
}
