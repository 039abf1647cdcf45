package lrwb.engine.finder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The suggestions on seeded noisy synthetic range tests with known answers: a flat, noisy start, a divergent tail
 * after the minimum, a loss that never dips, a test stopped while the loss still fell. The known steepest descent
 * is that of the same curve without noise (smoothed the same way), taken before its minimum.
 */
class NoisyCurveSuggestionsTest {
    private static final double BETA = 0.98;
    private static final double DIVERGE = 4;
    /** Noise moves the steepest point a little: within 0.4 of a decade (a factor 2.5) of the noise-free answer. */
    private static final double WITHIN_DECADES = 0.4;

    /** 2.3 on the left, down to 0.3 around lr 10^-2.5 (a logistic in log10 lr). */
    private static double descent(double x) {
        return 0.3 + 2.0 / (1 + Math.exp((x + 2.5) / 0.25));
    }

    /** After lr 0.1 the loss climbs, jagged: it jumps up and falls back every few points, as real divergence does. */
    private static double jaggedTail(double x) {
        return x > -1 ? (x + 1) * 3.0 * (1 + 0.8 * Math.signum(Math.sin(40 * x))) : 0;
    }

    /** A synthetic test: the range test's sweep, smoother and stop rule over {@code truth} plus seeded noise. */
    private record Synthetic(List<RangePoint> points, List<RangePoint> noiseFree, boolean diverged) {
    }

    private static Synthetic run(int n, long seed, double sigma, double startNoise, DoubleUnaryOperator truth, int stopAfter) {
        Random random = new Random(seed);
        LossSmoother smoother = new LossSmoother(BETA);
        LossSmoother clean = new LossSmoother(BETA);
        List<RangePoint> points = new ArrayList<>();
        List<RangePoint> noiseFree = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        boolean diverged = false;
        for (int i = 0; i < Math.min(n, stopAfter); i++) {
            double lr = 1e-7 * Math.pow(10 / 1e-7, i / (n - 1.0));
            double x = Math.log10(lr);
            double f = truth.applyAsDouble(x);
            double loss = f + random.nextGaussian() * sigma * (x < -4 ? startNoise : 1);
            double s = smoother.add(loss);
            points.add(new RangePoint(i, lr, loss, s));
            noiseFree.add(new RangePoint(i, lr, f, clean.add(f)));
            best = Math.min(best, s);
            if (i >= 1 && s > DIVERGE * best) {
                diverged = true;
                break;
            }
        }
        return new Synthetic(points, noiseFree, diverged);
    }

    private static Suggestions suggest(Synthetic t, int n) {
        return SuggestionCalculator.compute(t.points(), n / 10, RangeTestConfig.DEFAULT_SKIP_END, n, t.diverged());
    }

    /** log10 of the steepest descent before the minimum of the noise-free curve, on the same usable range. */
    private static double knownSteepest(Synthetic t, int n) {
        List<RangePoint> usable = t.noiseFree().subList(n / 10, t.points().size() - RangeTestConfig.DEFAULT_SKIP_END);
        double[] x = usable.stream().mapToDouble(p -> Math.log10(p.lr())).toArray();
        double[] y = usable.stream().mapToDouble(RangePoint::smoothed).toArray();
        int min = SuggestionCalculator.argmin(y);
        double[] g = SuggestionCalculator.gradient(y, x);
        int best = 0;
        for (int i = 1; i <= min; i++) {
            if (g[i] < g[best]) {
                best = i;
            }
        }
        return x[best];
    }

    /** What the old rule (the most negative slope anywhere in the usable range) picks, log10. */
    private static double steepestAnywhere(Synthetic t, int n) {
        List<RangePoint> usable = t.points().subList(n / 10, t.points().size() - RangeTestConfig.DEFAULT_SKIP_END);
        double[] x = usable.stream().mapToDouble(p -> Math.log10(p.lr())).toArray();
        double[] y = usable.stream().mapToDouble(RangePoint::smoothed).toArray();
        return x[SuggestionCalculator.argmin(SuggestionCalculator.gradient(y, x))];
    }

    private static double lrOfMinimum(Synthetic t, int n) {
        return t.points().subList(n / 10, t.points().size() - RangeTestConfig.DEFAULT_SKIP_END).stream()
                .min(java.util.Comparator.comparingDouble(RangePoint::smoothed)).orElseThrow().lr();
    }

    @Test
    void aFlatNoisyStartNoLongerPassesForTheSteepestDescent() {
        int n = 300;
        int oldRuleInTheStart = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Synthetic t = run(n, seed, 0.3, 3, x -> descent(x) + Math.max(0, x + 1), n);
            Suggestions s = suggest(t, n);
            assertThat(Math.log10(s.steepest())).as("seed %d", seed).isCloseTo(knownSteepest(t, n), within(WITHIN_DECADES));
            assertThat(s.warning()).as("a clear dip: nothing against it").isNull();
            assertThat(s.valley()).isNotNull();
            if (steepestAnywhere(t, n) < -4) {
                oldRuleInTheStart++;
            }
        }
        assertThat(oldRuleInTheStart).as("the curves are hard: the old rule lands in the flat start").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aJaggedDivergentTailAfterTheMinimumIsNeverTheSteepestDescent() {
        int n = 500;
        for (long seed = 0; seed < 5; seed++) {
            Synthetic t = run(n, seed, 0.2, 1, x -> descent(x) + jaggedTail(x), n);
            assertThat(t.diverged()).as("the stop rule ends it in the tail").isTrue();
            Suggestions s = suggest(t, n);
            assertThat(Math.log10(s.steepest())).as("seed %d", seed).isCloseTo(knownSteepest(t, n), within(WITHIN_DECADES));
            assertThat(s.steepest()).isLessThan(lrOfMinimum(t, n));
            assertThat(steepestAnywhere(t, n)).as("the old rule lands in the tail").isGreaterThan(Math.log10(lrOfMinimum(t, n)));
            assertThat(s.warning()).isNull();
        }
    }

    @Test
    void aLossThatNeverDipsKeepsItsValuesAndSaysWhyTheyAreUnreliable() {
        // 940 of 3000 iterations, the loss flat with noise, then diverging: the issue's case.
        int n = 3000;
        Synthetic t = run(n, 7, 0.2, 1, x -> 2.3 + (x > -4.6 ? Math.pow(10, 2 * (x + 4.6)) : 0), n);
        assertThat(t.diverged()).isTrue();
        assertThat(t.points()).hasSizeBetween(900, 1200);
        Suggestions s = suggest(t, n);
        assertThat(s.steepest()).isNotNull();
        assertThat(s.isUnreliable()).isTrue();
        assertThat(s.warning()).matches("the smoothed loss fell only \\d+(\\.\\d)?% below where it started \\(2\\.\\d+ to 2\\.\\d+\\) "
                + "before it diverged after \\d+ of 3000 iterations: as likely noise as a dip, so the bounds and suggestions"
                + " are not reliable; widen the LR range or check the data and model");
    }

    @Test
    void aLossThatOnlyRoseSaysSo() {
        List<RangePoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new RangePoint(i, Math.pow(10, -7 + i * 0.2), 1 + i * 0.1, 1 + i * 0.1));
        }
        Suggestions s = SuggestionCalculator.compute(points, 4, 5, 40, true);
        assertThat(s.cyclic()).isNull();
        assertThat(s.warning()).isEqualTo("the loss never fell below where it started before it diverged after 40 of 40"
                + " iterations: the suggestions say nothing about a good LR");
    }

    @Test
    void aTestStoppedWhileTheLossStillFellSaysTheMinimumMayLieFurther() {
        int n = 400;
        Synthetic t = run(n, 3, 0.1, 1, NoisyCurveSuggestionsTest::descent, 230); // stopped at lr ≈ 10^-2.4
        Suggestions s = suggest(t, n);
        assertThat(s.cyclic()).isNotNull();
        assertThat(s.warning()).startsWith("the test stopped after 230 of 400 iterations while the loss was still falling (at lr ")
                .endsWith("): the minimum and the upper bound may lie further right; run the test to its end");

        Synthetic full = run(n, 3, 0.1, 1, x -> descent(x) - 0.05 * x, n); // still falling at endLr
        assertThat(suggest(full, n).warning()).startsWith("the loss was still falling at the last usable point (lr ")
                .endsWith("): the minimum and the upper bound may lie further right; raise endLr");
    }

    @Test
    void aDescentOfAFewPointsIsFlagged() {
        // Down in one step of a 10-point test: nothing to place the steepest point in.
        List<RangePoint> points = new ArrayList<>();
        double[] y = {5, 5, 5, 5, 5, 5, 1, 2, 3, 4};
        for (int i = 0; i < y.length; i++) {
            points.add(new RangePoint(i, Math.pow(10, i), y[i], y[i]));
        }
        Suggestions s = SuggestionCalculator.compute(points, 0, 0, 10, false);
        assertThat(s.warning()).isEqualTo("the descent spans only 1 recorded point: too few to place the steepest point"
                + " in it; raise iterations");
    }

    @Test
    void aMinimumAtTheEndOfTheUsableRangeIsRealWhenTheSkippedLastPointsRise() {
        // The slice (skipEnd 5) ends at its minimum, but the loss rises in the 5 points left out: no warning.
        List<RangePoint> points = new ArrayList<>();
        double[] y = {5, 5, 5, 4.5, 4, 3, 2.5, 2, 1.5, 1.2, 1.0, 1.1, 1.4, 1.8, 2.5, 3};
        for (int i = 0; i < y.length; i++) {
            points.add(new RangePoint(i, Math.pow(10, -7 + 0.5 * i), y[i], y[i]));
        }
        assertThat(SuggestionCalculator.compute(points, 0, 5, y.length, false).warning()).isNull();
        // The same test without the rise: the minimum may lie further right.
        double[] still = {5, 5, 5, 4.5, 4, 3, 2.5, 2, 1.5, 1.2, 1.0, 0.95, 0.9, 0.9, 0.88, 0.87};
        points.clear();
        for (int i = 0; i < still.length; i++) {
            points.add(new RangePoint(i, Math.pow(10, -7 + 0.5 * i), still[i], still[i]));
        }
        assertThat(SuggestionCalculator.compute(points, 0, 5, still.length, false).warning())
                .isEqualTo("the loss was still falling at the last usable point (lr 0.01): the minimum and the upper bound"
                        + " may lie further right; raise endLr");
    }
}
