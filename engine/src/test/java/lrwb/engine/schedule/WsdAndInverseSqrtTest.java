package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** The two schedules of large-model training: {@code wsd} and {@code inverseSqrt} (specs/schedules.md). */
class WsdAndInverseSqrtTest {

    private static FormulaSchedule parse(String json) {
        return (FormulaSchedule) ScheduleJson.parse(json);
    }

    private static double[] lrs(FormulaSchedule s, int steps) {
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = s.lr(t);
        }
        return out;
    }

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    @Test
    void wsdWorkedValues() {
        FormulaSchedule s = parse("{\"type\":\"wsd\",\"lr\":1,\"warmupSteps\":4,\"stableSteps\":2,\"decaySteps\":4,"
                + "\"warmupType\":\"linear\",\"decayType\":\"linear\"}");

        assertThat(lrs(s, 12)).containsExactly(0, 0.25, 0.5, 0.75, 1, 1, 1, 0.75, 0.5, 0.25, 0, 0);
        assertThat(s.curve(12, 1)).containsExactly(0, 0.25, 0.5, 0.75, 1, 1, 1, 0.75, 0.5, 0.25, 0, 0);
    }

    @Test
    void wsdShapesAndFloor() {
        // W 4, S 2, D 4, r 0.2: the ramps run between lr·r = 0.2 and lr = 2
        String base = "{\"type\":\"wsd\",\"lr\":2,\"warmupSteps\":4,\"stableSteps\":2,\"decaySteps\":4,\"minLrRatio\":0.2,";
        FormulaSchedule cos = parse(base + "\"warmupType\":\"cosine\",\"decayType\":\"cosine\"}");
        assertThat(cos.lr(0)).isEqualTo(0.4);                                               // lr·r
        assertThat(cos.lr(2)).isCloseTo(2 * (0.5 * 0.8 + 0.2), within(1e-15));              // (1−cos(π/2))/2 = 0.5
        assertThat(cos.lr(8)).isCloseTo(2 * (0.5 * 0.8 + 0.2), within(1e-15));              // (1+cos(π/2))/2 = 0.5
        assertThat(cos.lr(10)).isEqualTo(0.4);
        assertThat(cos.lr(1_000_000)).isEqualTo(0.4);

        FormulaSchedule sqrt = parse(base + "\"warmupType\":\"1-sqrt\",\"decayType\":\"1-sqrt\"}");
        assertThat(sqrt.lr(3)).isCloseTo(2 * ((1 - Math.sqrt(0.25)) * 0.8 + 0.2), within(1e-15)); // 1−sqrt(1−3/4) = 0.5
        assertThat(sqrt.lr(7)).isCloseTo(2 * ((1 - Math.sqrt(0.25)) * 0.8 + 0.2), within(1e-15)); // 1−sqrt(1/4) = 0.5

        FormulaSchedule square = parse(base + "\"decayType\":\"square\"}");
        assertThat(square.lr(8)).isCloseTo(2 * (0.75 * 0.8 + 0.2), within(1e-15));          // 1 − (1/2)² = 0.75
    }

    @Test
    void wsdDefaultsAreNoWarmupFloorZeroLinearWarmupCosineDecay() {
        assertThat(parse("{\"type\":\"wsd\",\"lr\":0.1,\"stableSteps\":10,\"decaySteps\":5}"))
                .isEqualTo(new WsdSchedule(0.1, 0, 10, 5, 0, WsdSchedule.WarmupType.LINEAR, WsdSchedule.DecayType.COSINE,
                        Unit.ITERATION))
                .isEqualTo(new WsdSchedule(0.1, 0, 10, 5));
        FormulaSchedule s = new WsdSchedule(0.1, 0, 10, 5);
        assertThat(s.lr(0)).isEqualTo(0.1);
        assertThat(((WsdSchedule) s).totalSteps()).isEqualTo(15);
    }

    @Test
    void inverseSqrtWorkedValues() {
        FormulaSchedule s = parse("{\"type\":\"inverseSqrt\",\"lr\":1,\"warmupSteps\":4}");

        double[] expected = {0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497, 0.755929, 0.707107};
        double[] actual = lrs(s, 9);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("t=%d", t).isCloseTo(expected[t], within(5e-7));
        }
        assertThat(actual[8]).isCloseTo(Math.sqrt(0.5), within(1e-15)); // 1/sqrt((8 + 4 − 4)/4)
        assertThat(s.lr(16)).isEqualTo(0.5);                              // 1/sqrt(16/4)
    }

    @Test
    void inverseSqrtTimescaleDefaultsToWarmupStepsOrTenThousand() {
        assertThat(parse("{\"type\":\"inverseSqrt\",\"lr\":0.1,\"warmupSteps\":400}"))
                .isEqualTo(new InverseSqrtSchedule(0.1, 400, 400, Unit.ITERATION));
        assertThat(parse("{\"type\":\"inverseSqrt\",\"lr\":0.1}"))
                .isEqualTo(new InverseSqrtSchedule(0.1, 0, 10_000, Unit.ITERATION));
        FormulaSchedule noWarmup = parse("{\"type\":\"inverseSqrt\",\"lr\":1}");
        assertThat(noWarmup.lr(0)).isEqualTo(1);
        assertThat(noWarmup.lr(30_000)).isEqualTo(0.5); // 1/sqrt(40000/10000)
        FormulaSchedule own = parse("{\"type\":\"inverseSqrt\",\"lr\":1,\"warmupSteps\":2,\"timescale\":1}");
        assertThat(own.lr(2)).isEqualTo(1);
        assertThat(own.lr(5)).isEqualTo(0.5); // 1/sqrt((5 + 1 − 2)/1)
    }

    @Test
    void epochUnitCountsEpochs() {
        FormulaSchedule s = parse("{\"type\":\"inverseSqrt\",\"lr\":1,\"warmupSteps\":4,\"unit\":\"epoch\"}");
        assertThat(s.lrAtIteration(9, 10)).isEqualTo(0);
        assertThat(s.lrAtIteration(10, 10)).isEqualTo(0.25);
        assertThat(new Dl4jSchedule(s, 10).valueAt(25, 2)).isEqualTo(0.5);
    }

    @Test
    void dl4jAdapterEvaluatesTheFormula() {
        FormulaSchedule wsd = parse("{\"type\":\"wsd\",\"lr\":1,\"warmupSteps\":4,\"stableSteps\":2,\"decaySteps\":4,"
                + "\"decayType\":\"linear\"}");
        Dl4jSchedule schedule = new Dl4jSchedule(wsd, 1);
        for (int i = 0; i < 12; i++) {
            assertThat(schedule.valueAt(i, 0)).isEqualTo(wsd.lr(i));
        }
        assertThat(schedule.spec()).isEqualTo(wsd);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"wsd","lr":0,"stableSteps":1,"decaySteps":1}                      | wsd.lr must be a finite number > 0 (got 0)
            {"type":"wsd","lr":1,"warmupSteps":-1,"stableSteps":1,"decaySteps":1}     | wsd.warmupSteps must be an integer >= 0 (got -1)
            {"type":"wsd","lr":1,"stableSteps":-2,"decaySteps":1}                     | wsd.stableSteps must be an integer >= 0 (got -2)
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":0}                      | wsd.decaySteps must be an integer > 0 (got 0)
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":1,"minLrRatio":1}       | wsd.minLrRatio must be in [0, 1) (got 1)
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":1,"minLrRatio":-0.1}    | wsd.minLrRatio must be in [0, 1) (got -0.1)
            {"type":"wsd","lr":1,"decaySteps":1}                                      | wsd.stableSteps is required
            {"type":"wsd","lr":1,"stableSteps":1}                                     | wsd.decaySteps is required
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":1,"warmupType":"sqrt"}  | wsd.warmupType must be one of linear, cosine, 1-sqrt (got "sqrt")
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":1,"decayType":"exp"}    | wsd.decayType must be one of cosine, linear, 1-sqrt, square (got "exp")
            {"type":"wsd","lr":1,"stableSteps":1,"decaySteps":1.5}                    | wsd.decaySteps must be an integer (got 1.5)
            {"type":"inverseSqrt","lr":-1}                                            | inverseSqrt.lr must be a finite number > 0 (got -1)
            {"type":"inverseSqrt","lr":1,"warmupSteps":-4}                            | inverseSqrt.warmupSteps must be an integer >= 0 (got -4)
            {"type":"inverseSqrt","lr":1,"warmupSteps":4,"timescale":0}               | inverseSqrt.timescale must be an integer > 0 (got 0)
            {"type":"inverseSqrt","warmupSteps":4}                                    | inverseSqrt.lr is required
            """)
    void badValuesNameTheFieldAndTheRule(String json, String message) {
        assertThat(refused(json)).hasMessage(message);
    }

    @Test
    void aMisspeltFieldSuggestsTheRightOne() {
        assertThat(refused("{\"type\":\"inverseSqrt\",\"lr\":1,\"timeScale\":4}"))
                .hasMessage("inverseSqrt.timeScale is not a field of inverseSqrt (did you mean \"timescale\"?)");
        assertThat(refused("{\"type\":\"wsd\",\"lr\":1,\"stableSteps\":1,\"decaySteps\":1,\"minLr\":0.1}").field())
                .startsWith("wsd.");
    }

    @Test
    void tooLongForAStepCount() {
        InvalidSpecException e = refused("{\"type\":\"wsd\",\"lr\":1,\"warmupSteps\":9223372036854775807,\"stableSteps\":1,"
                + "\"decaySteps\":1}");
        assertThat(e.field()).isEqualTo("wsd.decaySteps");
        assertThat(e).hasMessageStartingWith("wsd.decaySteps makes the schedule longer than a step count can be");
    }
}
