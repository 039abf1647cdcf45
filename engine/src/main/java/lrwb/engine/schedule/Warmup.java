package lrwb.engine.schedule;

/**
 * The optional {@code "warmup": {"steps": W, "startFactor": s}} of any formula schedule (specs/schedules.md,
 * "Warmup on any schedule"): a linear ramp from {@code s·f(0)} towards {@code f(0)} over W steps of the
 * schedule's unit, after which the schedule starts, W steps late.
 *
 * @param steps       W, an integer > 0
 * @param startFactor s in [0, 1]: the fraction of f(0) at step 0
 */
public record Warmup(long steps, double startFactor) {
    public static final double DEFAULT_START_FACTOR = 0;

    /** Checks the rules; a failure names {@code type.warmup.field}. */
    static Warmup of(String type, long steps, double startFactor) {
        Check.steps(type, "warmup.steps", steps);
        Check.range(type, "warmup.startFactor", startFactor, 0, true, 1, true);
        return new Warmup(steps, startFactor);
    }

    public Warmup {
        Check.steps("warmup", "steps", steps);
        Check.range("warmup", "startFactor", startFactor, 0, true, 1, true);
    }

    /** {@code f0·(s + (1−s)·t/W)} for t < W. */
    double ramp(double f0, long t) {
        return f0 * (startFactor + (1 - startFactor) * t / steps);
    }
}
