package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Values outside their range: refused with a message that names {@code type.field} and the rule. */
class ValidationTest {

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    private static InvalidSpecException refused(Runnable construction) {
        InvalidSpecException e = catchThrowableOfType(construction::run, InvalidSpecException.class);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void cyclicMaxLrMustExceedBaseLr() {
        InvalidSpecException e = refused("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.001}");

        assertThat(e).hasMessage("cyclic.maxLr must be > baseLr (got 0.001 <= 0.01)");
        assertThat(e.field()).isEqualTo("cyclic.maxLr");
    }

    @Test
    void cyclicMaxLrEqualToBaseLrIsRefusedToo() {
        assertThat(refused("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.01}"))
                .hasMessage("cyclic.maxLr must be > baseLr (got 0.01 <= 0.01)");
    }

    @Test
    void theConstructorsCheckTheSameRules() {
        assertThat(refused(() -> new CyclicSchedule(0.01, 0.001, 10)))
                .hasMessage("cyclic.maxLr must be > baseLr (got 0.001 <= 0.01)");
        assertThat(refused(() -> new ConstantSchedule(0)))
                .hasMessage("constant.lr must be a finite number > 0 (got 0)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0     | 0",
            "-0.1  | -0.1",
            "1e400 | Infinity",
            "-1e400| -Infinity"})
    void learningRateMustBeFiniteAndPositive(String json, String shown) {
        InvalidSpecException e = refused("{\"type\":\"constant\",\"lr\":" + json + "}");

        assertThat(e.field()).isEqualTo("constant.lr");
        assertThat(e).hasMessage("constant.lr must be a finite number > 0 (got " + shown + ")");
    }

    @Test
    void notANumberOrInfinityLearningRate() {
        assertThat(refused(() -> new ConstantSchedule(Double.NaN)))
                .hasMessage("constant.lr must be a finite number > 0 (got NaN)");
        assertThat(refused(() -> new ConstantSchedule(Double.POSITIVE_INFINITY)))
                .hasMessage("constant.lr must be a finite number > 0 (got Infinity)");
        assertThat(refused(() -> new StepSchedule(Double.NaN, 1, 0.1, Unit.ITERATION)).field()).isEqualTo("step.lr");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"step\",\"lr\":0,\"stepSize\":5}                                  | step.lr",
            "{\"type\":\"multiStep\",\"lr\":-1,\"milestones\":[5]}                         | multiStep.lr",
            "{\"type\":\"piecewise\",\"boundaries\":[5],\"values\":[0.1,0]}                 | piecewise.values[1]",
            "{\"type\":\"exponential\",\"lr\":0,\"decayRate\":0.9}                          | exponential.lr",
            "{\"type\":\"naturalExp\",\"lr\":0,\"k\":0.1}                                   | naturalExp.lr",
            "{\"type\":\"inverseTime\",\"lr\":0,\"decayRate\":0.1}                          | inverseTime.lr",
            "{\"type\":\"polynomial\",\"lr\":0,\"decaySteps\":5}                            | polynomial.lr",
            "{\"type\":\"cosine\",\"lr\":0,\"decaySteps\":5}                                | cosine.lr",
            "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":5,\"warmupSteps\":2,\"warmupTarget\":0} | cosine.warmupTarget",
            "{\"type\":\"cosineRestarts\",\"lr\":0,\"firstDecaySteps\":5}                   | cosineRestarts.lr",
            "{\"type\":\"linear\",\"lr\":0}                                                 | linear.lr",
            "{\"type\":\"cyclic\",\"baseLr\":0,\"maxLr\":0.1}                               | cyclic.baseLr",
            "{\"type\":\"oneCycle\",\"maxLr\":0,\"totalSteps\":100}                         | oneCycle.maxLr",
            "{\"type\":\"plateau\",\"lr\":-0.1}                                            | plateau.lr"})
    void everyLearningRateFieldIsChecked(String json, String field) {
        InvalidSpecException e = refused(json);

        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + " must be a finite number > 0");
    }

    @Test
    void endLrAlphaAndMinLrMayBeZero() {
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":5,\"endLr\":0}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":5,\"alpha\":0}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":5,\"alpha\":0}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"plateau\",\"lr\":0.1,\"minLr\":0}"))
                .doesNotThrowAnyException();
    }

    @Test
    void butNotNegative() {
        assertThat(refused("{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":5,\"endLr\":-0.001}"))
                .hasMessage("polynomial.endLr must be a finite number >= 0 (got -0.001)");
        assertThat(refused("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":5,\"alpha\":-0.5}").field())
                .isEqualTo("cosine.alpha");
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"minLr\":-1}"))
                .hasMessage("plateau.minLr must be a finite number >= 0 (got -1)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":0}                         | step.stepSize",
            "{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":0.9,\"decaySteps\":0} | exponential.decaySteps",
            "{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.9,\"decaySteps\":0} | inverseTime.decaySteps",
            "{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":0}                  | polynomial.decaySteps",
            "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":0}                      | cosine.decaySteps",
            "{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":0}         | cosineRestarts.firstDecaySteps",
            "{\"type\":\"linear\",\"lr\":0.1,\"totalSteps\":0}                      | linear.totalSteps",
            "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":1,\"stepSizeUp\":0}      | cyclic.stepSizeUp",
            "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":1,\"stepSizeDown\":0}    | cyclic.stepSizeDown",
            "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":0}                 | oneCycle.totalSteps"})
    void stepCountsOfZeroAreRefused(String json, String field) {
        InvalidSpecException e = refused(json);

        assertThat(e.field()).isEqualTo(field);
        assertThat(e).hasMessage(field + " must be an integer > 0 (got 0)");
    }

    @Test
    void negativeStepCount() {
        assertThat(refused("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":-3}"))
                .hasMessage("step.stepSize must be an integer > 0 (got -3)");
    }

    @Test
    void piecewiseNeedsOneMoreValueThanBoundaries() {
        InvalidSpecException e = refused("{\"type\":\"piecewise\",\"boundaries\":[100,110,120],\"values\":[1,0.1,0.01]}");

        assertThat(e.field()).isEqualTo("piecewise.values");
        assertThat(e).hasMessage("piecewise.values must have one more element than boundaries (got 3 values for 3 boundaries)");
        assertThat(refused("{\"type\":\"piecewise\",\"boundaries\":[100],\"values\":[1,0.1,0.01]}").field())
                .isEqualTo("piecewise.values");
    }

    @Test
    void piecewiseBoundariesMustAscend() {
        InvalidSpecException e = refused("{\"type\":\"piecewise\",\"boundaries\":[100,120,110],\"values\":[1,0.1,0.01,0.001]}");

        assertThat(e.field()).isEqualTo("piecewise.boundaries");
        assertThat(e).hasMessage("piecewise.boundaries must be strictly ascending (got 120 then 110)");
        assertThat(refused("{\"type\":\"piecewise\",\"boundaries\":[100,100],\"values\":[1,0.1,0.01]}"))
                .hasMessage("piecewise.boundaries must be strictly ascending (got 100 then 100)");
    }

    @Test
    void piecewiseNeedsAtLeastOneBoundary() {
        assertThat(refused("{\"type\":\"piecewise\",\"boundaries\":[],\"values\":[1]}").field())
                .isEqualTo("piecewise.boundaries");
    }

    @Test
    void oneCycleWithAnEmptyPhase() {
        // totalSteps 3, pctStart 0.3: the warm-up phase would end at step 0.9 − 1 < 0
        InvalidSpecException e = refused("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":3,\"pctStart\":0.3}");

        assertThat(e.field()).isEqualTo("oneCycle.pctStart");
        assertThat(e.getMessage()).startsWith("oneCycle.pctStart leaves an empty phase").contains("totalSteps 3");
    }

    @Test
    void oneCycleThreePhaseWithAnEmptyLastPhase() {
        // T 5, pctStart 0.6: phases end at 2, 4 and 4
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":5,\"pctStart\":0.6,\"threePhase\":true}")
                .field()).isEqualTo("oneCycle.pctStart");
        // the same without the third phase is fine: 2 then 4
        assertThatCode(() -> ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":5,\"pctStart\":0.6}"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5})
    void oneCyclePctStartIsAFractionStrictlyBetweenZeroAndOne(double pct) {
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"pctStart\":" + pct + "}").field())
                .isEqualTo("oneCycle.pctStart");
    }

    @Test
    void cosineWarmupNeedsATarget() {
        InvalidSpecException e = refused("{\"type\":\"cosine\",\"lr\":0.001,\"decaySteps\":1000,\"warmupSteps\":100}");

        assertThat(e.field()).isEqualTo("cosine.warmupTarget");
        assertThat(e).hasMessage("cosine.warmupTarget is required when warmupSteps > 0 (got warmupSteps 100)");
    }

    @Test
    void cosineWarmupStepsMayNotBeNegative() {
        assertThat(refused("{\"type\":\"cosine\",\"lr\":0.001,\"decaySteps\":1000,\"warmupSteps\":-1,\"warmupTarget\":0.1}")
                .field()).isEqualTo("cosine.warmupSteps");
    }

    @Test
    void cosineRestartsTMulBelowOne() {
        InvalidSpecException e = refused("{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":10,\"tMul\":0.5}");

        assertThat(e.field()).isEqualTo("cosineRestarts.tMul");
        assertThat(e).hasMessage("cosineRestarts.tMul must be a finite number >= 1 (got 0.5)");
    }

    @Test
    void linearStartFactorZero() {
        InvalidSpecException e = refused("{\"type\":\"linear\",\"lr\":0.1,\"startFactor\":0}");

        assertThat(e.field()).isEqualTo("linear.startFactor");
        assertThat(e).hasMessage("linear.startFactor must be in (0, 1] (got 0)");
    }

    @Test
    void plateauFactorMustReduce() {
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"factor\":1}"))
                .hasMessage("plateau.factor must be in (0, 1) (got 1)");
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"factor\":0}").field()).isEqualTo("plateau.factor");
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"patience\":-1}").field()).isEqualTo("plateau.patience");
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"cooldown\":-1}").field()).isEqualTo("plateau.cooldown");
    }

    @Test
    void multiStepMilestones() {
        assertThat(refused("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[]}").field()).isEqualTo("multiStep.milestones");
        assertThat(refused("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[5,-1]}").field())
                .isEqualTo("multiStep.milestones[1]");
    }

    @Test
    void sequentialMilestonesAreOneFewerThanSchedulesAndAscend() {
        String two = "[{\"type\":\"constant\",\"lr\":0.1},{\"type\":\"constant\",\"lr\":0.01}]";

        assertThat(refused("{\"type\":\"sequential\",\"schedules\":" + two + ",\"milestones\":[]}"))
                .hasMessage("sequential.milestones must have one fewer element than schedules (got 0 milestones for 2 schedules)");
        assertThat(refused("{\"type\":\"sequential\",\"schedules\":" + two + "}").field()).isEqualTo("sequential.milestones");
        assertThat(refused("{\"type\":\"sequential\",\"schedules\":" + two + ",\"milestones\":[0]}").field())
                .startsWith("sequential.milestones");
        assertThat(refused("{\"type\":\"sequential\",\"schedules\":[],\"milestones\":[]}").field())
                .isEqualTo("sequential.schedules");
        assertThat(refused(() -> new SequentialSchedule(List.of(new ConstantSchedule(1), new ConstantSchedule(0.1),
                new ConstantSchedule(0.01)), List.of(10L, 5L), Unit.ITERATION)))
                .hasMessage("sequential.milestones must be strictly ascending (got 10 then 5)");
    }

    @Test
    void noPartialResultEvenWhenOtherFieldsAreFine() {
        // one bad field anywhere: nothing comes back
        assertThat(catchThrowableOfType(() -> ScheduleJson.parse(
                "{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"stepSizeUp\":100,\"gamma\":0}"),
                InvalidSpecException.class).field()).isEqualTo("cyclic.gamma");
    }
}
