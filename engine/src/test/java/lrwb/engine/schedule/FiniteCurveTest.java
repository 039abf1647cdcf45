package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A spec whose curve would leave the numbers (infinity, or a step count that overflows a long) is refused at validation. */
class FiniteCurveTest {

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    private static FormulaSchedule accepted(String json) {
        return (FormulaSchedule) ScheduleJson.parse(json);
    }

    @Test
    void oneCycleWhoseInitialLrOverflows() {
        InvalidSpecException e = refused("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"divFactor\":1e-320}");

        assertThat(e.field()).isEqualTo("oneCycle.divFactor");
        assertThat(e).hasMessage("oneCycle.divFactor makes the initial LR maxLr/divFactor overflow to infinity (0.1 / 1e-320);"
                + " it must be >= maxLr / 1.7976931348623157e308 (the default is 25)");
    }

    @Test
    void oneCycleWhoseFinalLrOverflows() {
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":100,\"divFactor\":1,\"finalDivFactor\":1e-320}")
                .field()).isEqualTo("oneCycle.finalDivFactor");
    }

    @Test
    void stepThatGrowsToInfinity() {
        InvalidSpecException e = refused("{\"type\":\"step\",\"lr\":1e308,\"stepSize\":1,\"gamma\":10}");

        assertThat(e.field()).isEqualTo("step.gamma");
        assertThat(e).hasMessage("step.gamma makes the LR overflow to infinity at step 1: lr·gamma^1 = 1e308·10^1 (stepSize 1);"
                + " use gamma <= 1 or a smaller lr");
        assertThat(refused("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":10,\"gamma\":2}"))
                // gamma^k overflows at k = 1024 before lr scales it, so that is where the curve as computed turns infinite
                .hasMessage("step.gamma makes the LR overflow to infinity at step 10240: lr·gamma^1024 = 0.1·2^1024 (stepSize 10);"
                        + " use gamma <= 1 or a smaller lr");
    }

    @Test
    void growthThatStaysFiniteUpToTheLastStepIsFine() {
        // stepSize 2^62: t reaches at most one drop (k = 1), 0.1·10 is finite
        FormulaSchedule s = accepted("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":4611686018427387904,\"gamma\":10}");
        assertThat(s.lr(Long.MAX_VALUE)).isEqualTo(1.0);
        // decay underflows to 0, which is a number
        assertThat(accepted("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":1,\"gamma\":0.1}").lr(Long.MAX_VALUE)).isZero();
    }

    @Test
    void multiStepChecksItsLastMilestone() {
        InvalidSpecException e = refused("{\"type\":\"multiStep\",\"lr\":1e307,\"milestones\":[30,10,20],\"gamma\":10}");

        assertThat(e).hasMessage("multiStep.gamma makes the LR overflow to infinity at step 20 (milestone 2 of 3):"
                + " lr·gamma^2 = 1e307·10^2; use gamma <= 1 or a smaller lr");
        assertThat(accepted("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[10,20],\"gamma\":10}").lr(Long.MAX_VALUE))
                .isEqualTo(10.0);
    }

    @Test
    void exponentialGrowth() {
        InvalidSpecException e = refused("{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":1.5,\"decaySteps\":10}");

        assertThat(e.field()).isEqualTo("exponential.decayRate");
        assertThat(e.getMessage()).startsWith("exponential.decayRate makes the LR overflow to infinity at step 17506:")
                .endsWith("use decayRate <= 1 or a smaller lr");
        FormulaSchedule justBelow = new ExponentialSchedule(0.1, 0.96, 10, false, Unit.ITERATION);
        assertThat(justBelow.lr(Long.MAX_VALUE)).isFinite();
    }

    @Test
    void cosineRestartsWithGrowingPeaks() {
        InvalidSpecException e = refused("{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":10,\"tMul\":1,\"mMul\":2}");

        assertThat(e.field()).isEqualTo("cosineRestarts.mMul");
        assertThat(e).hasMessage("cosineRestarts.mMul makes the LR overflow to infinity at restart 1024 (step 10240):"
                + " the peak lr·mMul^1024 = 0.1·2^1024; use mMul <= 1 or a smaller lr");
        // tMul 2: periods double, so only ~59 restarts fit in a long and the peak 0.1·2^59 stays finite
        assertThat(accepted("{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":10,\"mMul\":2}")
                .lr(Long.MAX_VALUE)).isFinite();
    }

    @Test
    void cyclicStepSizesWhoseSumOverflowsALong() {
        InvalidSpecException e = refused("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.1,"
                + "\"stepSizeUp\":4611686018427387904,\"stepSizeDown\":4611686018427387904}");

        assertThat(e.field()).isEqualTo("cyclic.stepSizeDown");
        assertThat(e).hasMessage("cyclic.stepSizeDown makes the cycle longer than a step count can be: stepSizeUp + stepSizeDown"
                + " must be at most 9223372036854775807 (got 4611686018427387904 + 4611686018427387904)");
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.1,"
                + "\"stepSizeUp\":4611686018427387904,\"stepSizeDown\":4611686018427387903}")).doesNotThrowAnyException();
    }

    @Test
    void cosineWarmupWhoseSlopeOverflows() {
        assertThat(refused("{\"type\":\"cosine\",\"lr\":0,\"decaySteps\":10,\"warmupSteps\":9000000000000000000,"
                + "\"warmupTarget\":1e300}").field()).isEqualTo("cosine.warmupTarget");
    }

    @Test
    void polynomialWithCycleStaysANumberAtTheLastStep() {
        assertThat(accepted("{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":7,\"cycle\":true}").lr(Long.MAX_VALUE)).isFinite();
    }
}
