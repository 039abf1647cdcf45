package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked values listed in specs/schedules.md, read from JSON so that the JSON defaults
 * (stepSizeDown = stepSizeUp, gamma 1, pctStart 0.3, decaySteps ...) take part too.
 */
class WorkedValuesTest {

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

    @Test
    void cyclicTriangularGoesUpFourStepsAndDownFourSteps() {
        FormulaSchedule s = parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,\"mode\":\"triangular\"}");

        assertThat(lrs(s, 11)).containsExactly(1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3);
        assertThat(s.curve(11, 1)).containsExactly(1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3);
    }

    @Test
    void cyclicTriangularIsTheDefaultMode() {
        FormulaSchedule s = parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4}");

        assertThat(lrs(s, 11)).containsExactly(1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3);
    }

    @Test
    void cyclicTriangular2HalvesTheAmplitudeEveryCycle() {
        FormulaSchedule s = parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,\"mode\":\"triangular2\"}");

        assertThat(lrs(s, 22)).containsExactly(
                1, 2, 3, 4, 5, 4, 3, 2,
                1, 1.5, 2, 2.5, 3, 2.5, 2, 1.5,
                1, 1.25, 1.5, 1.75, 2, 1.75);
    }

    @Test
    void oneCycleLinearWithTenSteps() {
        FormulaSchedule s = parse("{\"type\":\"oneCycle\",\"maxLr\":25,\"totalSteps\":10,\"divFactor\":25,"
                + "\"finalDivFactor\":2,\"anneal\":\"linear\"}");

        double[] expected = {1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5};
        double[] actual = lrs(s, 10);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("t=%d", t).isCloseTo(expected[t], within(1e-12));
        }
    }

    @Test
    void exponentialAtHalfADecayPeriod() {
        FormulaSchedule s = parse("{\"type\":\"exponential\",\"lr\":0.05,\"decayRate\":0.96,\"decaySteps\":10}");

        assertThat(s.lr(5)).isCloseTo(0.0489898, within(5e-8));
        // and beyond six digits: 0.05·sqrt(0.96)
        assertThat(s.lr(5)).isCloseTo(0.048989794855663561963945681494118, within(1e-15));
    }

    @Test
    void piecewiseBoundariesBelongToTheLowerInterval() {
        FormulaSchedule s = parse("{\"type\":\"piecewise\",\"boundaries\":[100,110,120],\"values\":[1,0.1,0.01,0.001]}");

        assertThat(s.lr(0)).isEqualTo(1);
        assertThat(s.lr(100)).isEqualTo(1);
        assertThat(s.lr(101)).isEqualTo(0.1);
        assertThat(s.lr(105)).isEqualTo(0.1);
        assertThat(s.lr(110)).isEqualTo(0.1);
        assertThat(s.lr(111)).isEqualTo(0.01);
        assertThat(s.lr(120)).isEqualTo(0.01);
        assertThat(s.lr(121)).isEqualTo(0.001);
        assertThat(s.lr(999)).isEqualTo(0.001);
    }
}
