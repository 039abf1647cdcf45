package lrwb.engine.finder;

import lrwb.engine.schedule.InvalidSpecException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RangeTestConfigTest {

    @Test
    void defaultsAreThoseOfTheSpec() {
        RangeTestConfig c = RangeTestConfig.defaults();
        assertThat(c).isEqualTo(new RangeTestConfig(1e-7, 10, 100, SweepMode.EXP, 0.98, 4, 10, 5, 42));
    }

    @Test
    void expSweepIsGeometricAndEndsExactlyAtEndLr() {
        RangeTestConfig c = RangeTestConfig.of(1e-9, 1, 10, SweepMode.EXP);
        for (int i = 0; i < 9; i++) {
            assertThat(c.lr(i)).isCloseTo(Math.pow(10, i - 9), within(1e-12 * Math.pow(10, i - 9)));
            assertThat(c.lr(i)).isEqualTo(1e-9 * Math.pow(1 / 1e-9, i / 9.0)); // the spec formula, operation for operation
        }
        assertThat(c.lr(9)).isEqualTo(1.0);
    }

    @Test
    void linearSweepIsEvenlySpaced() {
        RangeTestConfig c = new RangeTestConfig(0.5, 10.5, 11, SweepMode.LINEAR, 0.98, 4, 1, 5, 42);
        for (int i = 0; i < 11; i++) {
            assertThat(c.lr(i)).isCloseTo(0.5 + i, within(1e-12));
        }
        assertThat(c.lr(10)).isEqualTo(10.5);
    }

    @Test
    void badValuesNameTheParameterAndTheRule() {
        assertThatThrownBy(() -> RangeTestConfig.of(0, 10, 100, SweepMode.EXP))
                .isInstanceOf(InvalidSpecException.class).hasMessage("startLr must be a finite number > 0 (got 0)");
        assertThatThrownBy(() -> RangeTestConfig.of(1e-3, 1e-4, 100, SweepMode.EXP))
                .hasMessage("endLr must be a finite number > startLr (got 1e-4 <= 0.001)");
        assertThatThrownBy(() -> RangeTestConfig.of(1e-7, 10, 9, SweepMode.EXP))
                .hasMessage("iterations must be an integer >= 10 (got 9)");
        assertThatThrownBy(() -> RangeTestConfig.defaults().withBeta(1))
                .hasMessage("beta must be in [0, 1) (got 1)");
        assertThatThrownBy(() -> RangeTestConfig.defaults().withDivergeFactor(1))
                .hasMessage("divergeFactor must be a finite number > 1 (got 1)");
    }

    @Test
    void smootherIsTheBiasCorrectedAverage() {
        LossSmoother s = new LossSmoother(0.5);
        assertThat(s.add(4)).isEqualTo(4.0);              // avg 2 / (1-0.5)
        assertThat(s.add(2)).isCloseTo(8.0 / 3, within(1e-15));  // avg 2 / (1-0.25)
        assertThat(s.add(1)).isCloseTo(1.5 / 0.875, within(1e-15));
    }
}
