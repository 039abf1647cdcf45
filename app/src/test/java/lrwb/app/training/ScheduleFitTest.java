package lrwb.app.training;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.Warmup;
import lrwb.engine.schedule.WsdSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Item 8 of issue 13: a schedule's own length against the run's, and the schedule stretched to the run. */
class ScheduleFitTest {
    /** The Designer's "Cosine + warmup" preset: a 500-step linear warmup, then 9,500 steps of cosine. */
    private static final String WARMUP_COSINE = "{\"type\":\"sequential\",\"schedules\":["
            + "{\"type\":\"linear\",\"lr\":0.1,\"startFactor\":0.01,\"endFactor\":1,\"totalSteps\":500},"
            + "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":9500}],\"milestones\":[500]}";

    @Test
    void warmupThenCosineStretchedTo15000KeepsItsShareOfWarmupAndEndsAtTheRunsEnd() {
        var spec = (SequentialSchedule) ScheduleJson.parse(WARMUP_COSINE);
        assertThat(ScheduleFit.ownLength(spec)).contains(10_000L);
        assertThat(ScheduleFit.mismatch(spec, 1875, 8))
                .contains("This sequential schedule lasts 10,000 iterations; the run has 15,000 (1875 epochs × 8 batches).");
        var fitted = (SequentialSchedule) ScheduleFit.stretched(spec, 1875, 8);
        assertThat(fitted.milestones()).containsExactly(750L);
        assertThat(((LinearSchedule) fitted.schedules().get(0)).totalSteps()).isEqualTo(750);
        assertThat(((CosineSchedule) fitted.schedules().get(1)).decaySteps()).isEqualTo(14_250);
        assertThat(ScheduleFit.mismatch(fitted, 1875, 8)).isEmpty();
        // the peak at the end of the warmup, the floor at the run's last update (not a third of the run early)
        assertThat(fitted.lrAtIteration(750, 8)).isEqualTo(0.1);
        assertThat(fitted.lrAtIteration(14_999, 8)).isCloseTo(0.0, within(1e-8));
        assertThat(spec.lrAtIteration(14_999, 8)).as("unfitted: at its floor for the last third").isEqualTo(0.0);
        assertThat(fitted.lrAtIteration(10_000, 8)).isGreaterThan(0.01);
    }

    @Test
    void oneCycleShrinksToAnEightyIterationRunAndSchedulesWithoutAnEndAlwaysFit() {
        var oneCycle = new OneCycleSchedule(0.1, 10_000, 0.3, OneCycleSchedule.Anneal.COS, 25, 1e4, false, Unit.ITERATION);
        var fitted = (OneCycleSchedule) ScheduleFit.stretched(oneCycle, 10, 8);
        assertThat(fitted.totalSteps()).isEqualTo(80);
        assertThat(((FormulaSchedule) fitted).lrAtIteration(24, 8)).isCloseTo(0.1, within(0.01)); // the peak is reached
        assertThat(ScheduleFit.mismatch(new ConstantSchedule(0.1), 10, 8)).isEmpty();
        assertThat(ScheduleFit.mismatch(new CyclicSchedule(0.001, 0.1, 40, 40, CyclicSchedule.Mode.TRIANGULAR,
                CyclicSchedule.DEFAULT_GAMMA, Unit.ITERATION), 10, 8)).isEmpty();
        // epoch-unit schedules compare epochs
        var epochCycle = new OneCycleSchedule(0.1, 30, 0.3, OneCycleSchedule.Anneal.COS, 25, 1e4, false, Unit.EPOCH);
        assertThat(ScheduleFit.mismatch(epochCycle, 10, 8)).contains("This oneCycle schedule lasts 30 epochs; the run has 10 epochs.");
        assertThat(((OneCycleSchedule) ScheduleFit.stretched(epochCycle, 10, 8)).totalSteps()).isEqualTo(10);
    }

    @Test
    void wsdStretchesItsThreePhasesTogetherToTheRunAndInverseSqrtAlwaysFits() {
        WsdSchedule wsd = new WsdSchedule(0.1, 500, 8500, 1000, 0.1, WsdSchedule.WarmupType.LINEAR,
                WsdSchedule.DecayType.ONE_MINUS_SQRT, Unit.ITERATION);
        assertThat(ScheduleFit.ownLength(wsd)).contains(10_000L);
        assertThat(ScheduleFit.mismatch(wsd, 10, 80)).contains("This wsd schedule lasts 10,000 iterations; the run has 800"
                + " (10 epochs × 80 batches).");
        WsdSchedule fitted = (WsdSchedule) ScheduleFit.stretched(wsd, 10, 80);
        assertThat(List.of(fitted.warmupSteps(), fitted.stableSteps(), fitted.decaySteps())).containsExactly(40L, 680L, 80L);
        assertThat(fitted.lrAtIteration(799, 80)).isCloseTo(0.01, within(0.01 * 0.1));
        assertThat(ScheduleFit.mismatch(fitted, 10, 80)).isEmpty();
        // a run of one step: the decay keeps its step, nothing is left for the warmup
        WsdSchedule tiny = (WsdSchedule) ScheduleFit.stretched(wsd, 1, 1);
        assertThat(List.of(tiny.warmupSteps(), tiny.stableSteps(), tiny.decaySteps())).containsExactly(0L, 0L, 1L);
        assertThat(ScheduleFit.mismatch(ScheduleJson.parse("{\"type\":\"inverseSqrt\",\"lr\":0.1,\"warmupSteps\":100}"), 10, 8))
                .isEmpty();
    }

    @Test
    void aWarmupKeepsItsShareWhenItsScheduleIsStretched() {
        ScheduleSpec spec = ScheduleJson.parse("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":9000,\"warmup\":{\"steps\":1000,"
                + "\"startFactor\":0.1}}");
        assertThat(ScheduleFit.ownLength(spec)).contains(10_000L);
        WarmedUpSchedule fitted = (WarmedUpSchedule) ScheduleFit.stretched(spec, 10, 80);
        assertThat(fitted.warmup()).isEqualTo(new Warmup(80, 0.1));
        assertThat(((CosineSchedule) fitted.schedule()).decaySteps()).isEqualTo(720);
        assertThat(ScheduleFit.mismatch(fitted, 10, 80)).isEmpty();
        assertThat(ScheduleFit.ownLength(ScheduleJson.parse("{\"type\":\"constant\",\"lr\":0.1,\"warmup\":{\"steps\":10}}")))
                .isEmpty();
    }
}
