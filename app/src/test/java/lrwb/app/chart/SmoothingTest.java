package lrwb.app.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** TensorBoard's smoothing: a debiased moving average, extended as a live curve grows. */
class SmoothingTest {
    @Test
    void zeroIsTheRawCurveAndAConstantStaysConstantAtAnyWeight() {
        double[] y = {3, 1, 4, 1, 5};
        assertThat(Smoothing.of(y, 5, 0)).containsExactly(y);
        double[] flat = new double[50];
        Arrays.fill(flat, 0.7);
        for (double w : new double[] {0.3, 0.9, 0.99}) {
            for (double v : Smoothing.of(flat, 50, w)) {
                assertThat(v).isCloseTo(0.7, within(1e-12)); // debiased: the start is not pulled towards zero
            }
        }
    }

    @Test
    void theValuesOfTensorBoardsFormula() {
        // last = last * w + (1 - w) * y; smoothed = last / (1 - w^n)
        double[] s = Smoothing.of(new double[] {1, 2, 3}, 3, 0.5);
        assertThat(s[0]).isCloseTo(1, within(1e-12));
        assertThat(s[1]).isCloseTo(1.25 / 0.75, within(1e-12));
        assertThat(s[2]).isCloseTo(2.125 / 0.875, within(1e-12));
    }

    @Test
    void aDivergedLossShowsAsItIsAndDoesNotPoisonTheRest() {
        double[] s = Smoothing.of(new double[] {1, Double.NaN, 1, Double.POSITIVE_INFINITY, 1}, 5, 0.9);
        assertThat(s[0]).isEqualTo(1);
        assertThat(s[1]).isNaN();
        assertThat(s[2]).isCloseTo(1, within(1e-12));
        assertThat(s[3]).isInfinite();
        assertThat(s[4]).isCloseTo(1, within(1e-12));
    }

    @Test
    void growingACurvePointByPointGivesTheSameAsAllAtOnceAndANewWeightRecomputes() {
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i * 0.7) + i / 100.0;
        }
        Smoothing live = new Smoothing(0.9);
        for (int n = 1; n <= y.length; n += 7) {
            live.apply(y, n);
        }
        double[] grown = Arrays.copyOf(live.apply(y, y.length), y.length);
        assertThat(grown).containsExactly(Smoothing.of(y, y.length, 0.9));
        live.setWeight(0.5);
        assertThat(Arrays.copyOf(live.apply(y, y.length), y.length)).containsExactly(Smoothing.of(y, y.length, 0.5));
        assertThat(live.weight()).isEqualTo(0.5);
    }
}
