package lrwb.engine.finder;

import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.NumberText;

/**
 * The parameters of one LR range test, as specs/lr-finder.md defines them. Valid by construction;
 * a bad value throws {@link InvalidSpecException} naming the parameter and the rule.
 */
public record RangeTestConfig(double startLr, double endLr, int iterations, SweepMode mode, double beta,
                              double divergeFactor, int skipStart, int skipEnd, long seed, LossSource lossSource) {
    public static final double DEFAULT_START_LR = 1e-7;
    public static final double DEFAULT_END_LR = 10;
    public static final int DEFAULT_ITERATIONS = 100;
    public static final double DEFAULT_BETA = 0.98;
    public static final double DEFAULT_DIVERGE_FACTOR = 4;
    public static final int DEFAULT_SKIP_END = 5;
    public static final long DEFAULT_SEED = 42;

    public RangeTestConfig {
        if (!(Double.isFinite(startLr) && startLr > 0)) {
            throw new InvalidSpecException("startLr", "must be a finite number > 0 (got " + NumberText.of(startLr) + ")");
        }
        if (!(Double.isFinite(endLr) && endLr > startLr)) {
            throw new InvalidSpecException("endLr", "must be a finite number > startLr (got " + NumberText.of(endLr) + " <= " + NumberText.of(startLr) + ")");
        }
        if (iterations < 10) {
            throw new InvalidSpecException("iterations", "must be an integer >= 10 (got " + iterations + ")");
        }
        if (mode == null) {
            throw new InvalidSpecException("mode", "is required: exp or linear");
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new InvalidSpecException("beta", "must be in [0, 1) (got " + NumberText.of(beta) + ")");
        }
        if (!(Double.isFinite(divergeFactor) && divergeFactor > 1)) {
            throw new InvalidSpecException("divergeFactor", "must be a finite number > 1 (got " + NumberText.of(divergeFactor) + ")");
        }
        if (skipStart < 0) {
            throw new InvalidSpecException("skipStart", "must be an integer >= 0 (got " + skipStart + ")");
        }
        if (skipEnd < 0) {
            throw new InvalidSpecException("skipEnd", "must be an integer >= 0 (got " + skipEnd + ")");
        }
        if (lossSource == null) {
            throw new InvalidSpecException("lossSource", "is required: train or val");
        }
    }

    /** A test recording the training loss ({@link LossSource#TRAIN}). */
    public RangeTestConfig(double startLr, double endLr, int iterations, SweepMode mode, double beta,
                           double divergeFactor, int skipStart, int skipEnd, long seed) {
        this(startLr, endLr, iterations, mode, beta, divergeFactor, skipStart, skipEnd, seed, LossSource.TRAIN);
    }

    /** Every default of specs/lr-finder.md. */
    public static RangeTestConfig defaults() {
        return of(DEFAULT_START_LR, DEFAULT_END_LR, DEFAULT_ITERATIONS, SweepMode.EXP);
    }

    /** The given sweep with default smoothing, stop rule, skips (floor(n/10) and 5) and seed. */
    public static RangeTestConfig of(double startLr, double endLr, int iterations, SweepMode mode) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, DEFAULT_BETA, DEFAULT_DIVERGE_FACTOR,
                iterations / 10, DEFAULT_SKIP_END, DEFAULT_SEED);
    }

    public RangeTestConfig withBeta(double b) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, b, divergeFactor, skipStart, skipEnd, seed, lossSource);
    }

    public RangeTestConfig withDivergeFactor(double f) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, beta, f, skipStart, skipEnd, seed, lossSource);
    }

    public RangeTestConfig withSkips(int start, int end) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, beta, divergeFactor, start, end, seed, lossSource);
    }

    public RangeTestConfig withSeed(long s) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, beta, divergeFactor, skipStart, skipEnd, s, lossSource);
    }

    public RangeTestConfig withLossSource(LossSource source) {
        return new RangeTestConfig(startLr, endLr, iterations, mode, beta, divergeFactor, skipStart, skipEnd, seed, source);
    }

    /** The LR of update {@code i} (0-based); endLr exactly at i = n−1. */
    public double lr(int i) {
        if (i == iterations - 1) {
            return endLr;
        }
        double f = (double) i / (iterations - 1);
        return mode == SweepMode.EXP ? startLr * Math.pow(endLr / startLr, f) : startLr + (endLr - startLr) * f;
    }
}
