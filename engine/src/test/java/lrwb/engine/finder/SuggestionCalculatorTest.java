package lrwb.engine.finder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SuggestionCalculatorTest {

    /** Points whose smoothed loss is {@code losses[i]} at lr = 10^i, so log10(lr) = i is evenly spaced. */
    private static List<RangePoint> decades(double... losses) {
        List<RangePoint> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            points.add(new RangePoint(i, Math.pow(10, i), losses[i], losses[i]));
        }
        return points;
    }

    @Test
    void steepestOnThePytorchLrFinderCurve() {
        // np.gradient([10,8,4,1,4,16]) = [-2,-3,-3.5,0,7.5,12] -> index 2
        Suggestions s = SuggestionCalculator.compute(decades(10, 8, 4, 1, 4, 16), 0, 0, 6, false);
        assertThat(s.steepest()).isEqualTo(100.0);
        assertThat(s.minimum10()).isEqualTo(100.0); // lr(3) = 1000, /10
    }

    @Test
    void gradientMatchesNumpyOnUnevenSpacing() {
        double[] x = {0, 1, 3, 4};
        double[] y = {1, 2, 10, 11};
        // numpy.gradient([1,2,10,11],[0,1,3,4]) = [1, 2, 2, 1]
        double[] g = SuggestionCalculator.gradient(y, x);
        assertThat(g[0]).isEqualTo(1.0);
        assertThat(g[1]).isCloseTo(2.0, within(1e-12));
        assertThat(g[2]).isCloseTo(2.0, within(1e-12));
        assertThat(g[3]).isEqualTo(1.0);
    }

    @Test
    void valleyFollowsFastai() {
        // lds: 1,2,3,4,5,1,2 -> end 4, start -1, span 5/3 -> idx = -1 + 1 + 0 = 0
        assertThat(SuggestionCalculator.valleyIndex(new double[] {9, 8, 7, 6, 5, 9, 8})).isZero();
        // a flat start then a long descent: y = 5,5,5,5,4,3,2,1,0,3 -> lds(8) = 6 (5,4,3,2,1,0), start 2, span 2 -> idx 2+2+1 = 5
        assertThat(SuggestionCalculator.valleyIndex(new double[] {5, 5, 5, 5, 4, 3, 2, 1, 0, 3})).isEqualTo(5);
    }

    /** fastai's own scan of every earlier point (fastai.callback.schedule.valley), against which the fast one is checked. */
    private static int fastaiValley(double[] y) {
        int n = y.length;
        int[] lds = new int[n];
        int end = 0;
        for (int k = 0; k < n; k++) {
            lds[k] = 1;
            for (int j = 0; j < k; j++) {
                if (y[j] > y[k] && lds[j] + 1 > lds[k]) {
                    lds[k] = lds[j] + 1;
                }
            }
            if (lds[k] > lds[end]) {
                end = k;
            }
        }
        int start = end - lds[end];
        double span = (end - start) / 3.0;
        return Math.max(0, start + (int) Math.floor(span) + (int) Math.floor(span / 2));
    }

    @Test
    void valleyIsFastaisOnNoisyCurvesWithTiesNansAndSignedZeros() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(trial < 1000 ? 12 : 300);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(20);
                y[i] = kind == 0 ? Double.NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0 : kind == 3 ? Double.POSITIVE_INFINITY
                        : trial % 2 == 0 ? random.nextInt(5) // many ties
                        : 3 - 2.0 * i / n + random.nextGaussian() * 0.3; // a noisy descent
            }
            assertThat(SuggestionCalculator.valleyIndex(y)).as("trial %d: %s", trial, java.util.Arrays.toString(y))
                    .isEqualTo(fastaiValley(y));
        }
    }

    @Test
    void valleyOfAHundredThousandPointsTakesNoScanOfEveryPair() {
        double[] y = new double[100_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.cos(i * 1e-4) + 1e-3 * Math.sin(i * 0.37); // a long descent with wiggles
        }
        long start = System.nanoTime();
        int valley = SuggestionCalculator.valleyIndex(y);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(0.5); // the pairwise scan: 5·10⁹ comparisons
        assertThat(valley).isBetween(0, y.length - 1);
    }

    @Test
    void sinCurveHasItsSteepestDescentWhereTheSlopeIsMostNegative() {
        int n = 101;
        List<RangePoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = -6 + 6.0 * i / (n - 1); // lr from 1e-6 to 1
            double y = Math.sin(Math.PI * x / 3); // one period over [-6,0]: steepest descent at x = -3
            points.add(new RangePoint(i, Math.pow(10, x), y, y));
        }
        Suggestions s = SuggestionCalculator.compute(points, 0, 0, n, false);
        assertThat(Math.log10(s.steepest())).isCloseTo(-3.0, within(1e-9));
        assertThat(Math.log10(s.minimum10() * 10)).isCloseTo(-1.5, within(1e-9)); // minimum of sin at x = -1.5
    }

    @Test
    void cyclicBoundsWhereTheDescentStartsAndStops() {
        // L0 = 10, Lmin = 0 at index 6: lower at first y <= 9 (index 2), upper at first y <= 1 (index 5)
        Suggestions s = SuggestionCalculator.compute(decades(10, 9.5, 9, 6, 2, 1, 0, 5), 0, 0, 8, false);
        assertThat(s.cyclic()).isEqualTo(new Suggestions.CyclicBounds(100, 100_000));
    }

    @Test
    void noCyclicBoundsWhenTheLossNeverDecreased() {
        Suggestions s = SuggestionCalculator.compute(decades(1, 2, 3, 4, 5, 6), 0, 0, 6, false);
        assertThat(s.cyclic()).isNull();
        assertThat(s.steepest()).isNotNull();
        assertThat(s.message()).contains("never decreased");
    }

    @Test
    void nanTailIsCutBeforeSuggesting() {
        double nan = Double.NaN;
        Suggestions s = SuggestionCalculator.compute(decades(10, 8, 4, 1, 4, 16, nan, nan, nan), 0, 0, 9, true);
        assertThat(s.steepest()).isEqualTo(100.0);
        assertThat(s.minimum10()).isEqualTo(100.0);
    }

    @Test
    void allNanAfterTheSkipMeansNoSuggestions() {
        double nan = Double.NaN;
        Suggestions s = SuggestionCalculator.compute(decades(3, 2, nan, nan, nan, nan, nan, nan), 0, 0, 100, true);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.message()).isEqualTo("the loss diverged after 8 of 100 iterations, too early for suggestions: lower startLr or endLr");
    }

    @Test
    void fewerThanFivePointsMeansNoSuggestionsAndSaysWhy() {
        Suggestions s = SuggestionCalculator.compute(decades(5, 4, 3, 2, 1, 0, 1, 2, 3, 4), 1, 5, 10, false);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.message()).isEqualTo("only 4 usable points (of 10 recorded, skipping the first 1 and the last 5);"
                + " at least 5 are needed: raise iterations");
    }

    @Test
    void skipsAreAppliedBeforeEverything() {
        // the huge first and last values would dominate the minimum and the gradient if not skipped
        Suggestions s = SuggestionCalculator.compute(decades(-100, 10, 8, 4, 1, 4, 16, -100), 1, 1, 8, false);
        assertThat(s.steepest()).isEqualTo(1000.0);
        assertThat(s.minimum10()).isEqualTo(1000.0);
    }
}
