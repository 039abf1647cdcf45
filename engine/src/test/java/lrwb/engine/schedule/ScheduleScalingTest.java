package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** A sweep's lr axis: every LR of a curve multiplied, and the peak a run of so many updates reaches. */
class ScheduleScalingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"constant\", \"lr\": 0.05}",
            "{\"type\": \"step\", \"lr\": 0.1, \"stepSize\": 7, \"gamma\": 0.5}",
            "{\"type\": \"multiStep\", \"lr\": 0.1, \"milestones\": [3, 9]}",
            "{\"type\": \"piecewise\", \"boundaries\": [4, 10], \"values\": [0.1, 0.3, 0.01]}",
            "{\"type\": \"exponential\", \"lr\": 0.1, \"decayRate\": 0.9, \"decaySteps\": 5}",
            "{\"type\": \"polynomial\", \"lr\": 0.1, \"decaySteps\": 20, \"endLr\": 0.001}",
            "{\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 20}",
            "{\"type\": \"cosine\", \"lr\": 0.001, \"decaySteps\": 20, \"warmupSteps\": 5, \"warmupTarget\": 0.4}",
            "{\"type\": \"cosineRestarts\", \"lr\": 0.1, \"firstDecaySteps\": 6}",
            "{\"type\": \"cyclic\", \"baseLr\": 0.001, \"maxLr\": 0.1, \"stepSizeUp\": 8}",
            "{\"type\": \"oneCycle\", \"maxLr\": 0.3, \"totalSteps\": 30}",
            "{\"type\": \"wsd\", \"lr\": 0.2, \"warmupSteps\": 3, \"stableSteps\": 10, \"decaySteps\": 10}",
            "{\"type\": \"inverseSqrt\", \"lr\": 0.2, \"warmupSteps\": 4}",
            "{\"type\": \"linear\", \"lr\": 0.1, \"totalSteps\": 10}",
            "{\"type\": \"sequential\", \"schedules\": [{\"type\": \"linear\", \"lr\": 0.1, \"startFactor\": 0.1, \"endFactor\": 1, \"totalSteps\": 5},"
                    + " {\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 25}], \"milestones\": [5]}",
            "{\"type\": \"step\", \"lr\": 0.1, \"stepSize\": 2, \"unit\": \"epoch\", \"warmup\": {\"steps\": 4}}"})
    void everyLrOfTheCurveIsMultipliedAndItsShapeKept(String json) {
        FormulaSchedule spec = (FormulaSchedule) ScheduleJson.parse(json);
        FormulaSchedule scaled = (FormulaSchedule) ScheduleScaling.scaled(spec, 2.5);
        assertThat(scaled.type()).isEqualTo(spec.type());
        double[] before = spec.curve(30, 3);
        double[] after = scaled.curve(30, 3);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).as("update %d of %s", i, json).isCloseTo(2.5 * before[i], offset(1e-12 * Math.max(1, before[i])));
        }
    }

    @Test
    void peaksOverTheRunOfKnownSchedules() {
        // cosine decays from its lr: the peak is the first update's
        assertThat(ScheduleScaling.peak(ScheduleJson.parse("{\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 20}"), 40, 10))
                .isEqualTo(0.1);
        // one-cycle climbs to maxLr at pctStart x totalSteps - 1 (torch), here update 29 of 100
        OneCycleSchedule oneCycle = (OneCycleSchedule) ScheduleJson.parse("{\"type\": \"oneCycle\", \"maxLr\": 0.3, \"totalSteps\": 100}");
        assertThat(ScheduleScaling.peak(oneCycle, 100, 10)).isEqualTo(0.3);
        assertThat(ScheduleScaling.peak(oneCycle, 10, 10)).as("a run that stops on the way up").isEqualTo(oneCycle.lrAtIteration(9, 10));
        // step: the first LR, before any decay
        assertThat(ScheduleScaling.peak(ScheduleJson.parse("{\"type\": \"step\", \"lr\": 0.2, \"stepSize\": 3}"), 50, 5)).isEqualTo(0.2);
        assertThat(ScheduleScaling.peak(new ConstantSchedule(0.07), 1000, 10)).isEqualTo(0.07);
        // piecewise: the largest value the run reaches
        ScheduleSpec piecewise = ScheduleJson.parse("{\"type\": \"piecewise\", \"boundaries\": [4, 10], \"values\": [0.1, 0.3, 0.01]}");
        assertThat(ScheduleScaling.peak(piecewise, 20, 5)).isEqualTo(0.3);
        assertThat(ScheduleScaling.peak(piecewise, 4, 5)).isEqualTo(0.1);
    }

    @Test
    void scalingToAPeakGivesThatPeakForCosineOneCycleStepAndConstant() {
        for (String json : new String[]{"{\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 20}",
                "{\"type\": \"oneCycle\", \"maxLr\": 0.3, \"totalSteps\": 100}", "{\"type\": \"step\", \"lr\": 0.2, \"stepSize\": 3}",
                "{\"type\": \"constant\", \"lr\": 0.07}"}) {
            ScheduleSpec spec = ScheduleJson.parse(json);
            double peak = ScheduleScaling.peak(spec, 100, 10);
            ScheduleSpec scaled = ScheduleScaling.scaled(spec, 0.02 / peak);
            assertThat(ScheduleScaling.peak(scaled, 100, 10)).as(json).isCloseTo(0.02, offset(1e-16));
        }
        OneCycleSchedule oneCycle = (OneCycleSchedule) ScheduleScaling.scaled(
                ScheduleJson.parse("{\"type\": \"oneCycle\", \"maxLr\": 0.3, \"totalSteps\": 100, \"divFactor\": 10}"), 0.5);
        assertThat(oneCycle.maxLr()).isEqualTo(0.15);
        assertThat(oneCycle.divFactor()).isEqualTo(10);
        StepSchedule step = (StepSchedule) ScheduleScaling.scaled(ScheduleJson.parse("{\"type\": \"step\", \"lr\": 0.2, \"stepSize\": 3}"), 0.5);
        assertThat(step).isEqualTo(new StepSchedule(0.1, 3, StepSchedule.DEFAULT_GAMMA, Unit.ITERATION));
    }

    @Test
    void aPlateausPeakIsItsInitialLrAndItsFloorScalesWithIt() {
        PlateauSchedule plateau = (PlateauSchedule) ScheduleJson.parse("{\"type\": \"plateau\", \"lr\": 0.1, \"factor\": 0.5, \"patience\": 2, \"minLr\": 0.001}");
        assertThat(ScheduleScaling.peak(plateau, 1000, 10)).isEqualTo(0.1);
        PlateauSchedule scaled = (PlateauSchedule) ScheduleScaling.scaled(plateau, 3);
        assertThat(scaled.lr()).isCloseTo(0.3, offset(1e-16));
        assertThat(scaled.minLr()).isEqualTo(0.003);
        assertThat(scaled.factor()).isEqualTo(0.5);
        assertThat(scaled.patience()).isEqualTo(2);
    }

    @Test
    void aValueScaledOutOfItsRulesIsNamed() {
        assertThatThrownBy(() -> ScheduleScaling.scaled(new ConstantSchedule(1e300), 1e10))
                .isInstanceOf(InvalidSpecException.class).hasMessage("constant.lr must be a finite number > 0 (got Infinity)");
        assertThatThrownBy(() -> ScheduleScaling.scaled(ScheduleJson.parse("{\"type\": \"sequential\", \"schedules\": ["
                + "{\"type\": \"constant\", \"lr\": 0.1}, {\"type\": \"constant\", \"lr\": 1e300}], \"milestones\": [5]}"), 1e10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("sequential.schedules[1].constant.lr must be a finite number > 0 (got Infinity)");
        assertThatThrownBy(() -> ScheduleScaling.scaled(new ConstantSchedule(0.1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a schedule's scale factor must be a finite number > 0 (got 0.0)");
    }
}
