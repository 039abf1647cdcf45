package lrwb.engine.schedule;

/**
 * Inverse square-root decay after a linear warmup ("Attention is all you need"; Hugging Face's
 * {@code get_inverse_sqrt_schedule}): {@code lr·t/W} up to {@code lr} at step W, then
 * {@code lr / sqrt((t + timescale − W) / timescale)}, which is {@code lr} at W and halves when t grows
 * by 3·timescale.
 */
public record InverseSqrtSchedule(double lr, long warmupSteps, long timescale, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "inverseSqrt";
    /** Hugging Face's timescale when there is no warmup to take it from. */
    public static final long DEFAULT_TIMESCALE_WITHOUT_WARMUP = 10_000;

    public InverseSqrtSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.nonNegativeInt(TYPE, "warmupSteps", warmupSteps);
        Check.steps(TYPE, "timescale", timescale);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    /** With the default timescale. */
    public InverseSqrtSchedule(double lr, long warmupSteps) {
        this(lr, warmupSteps, defaultTimescale(warmupSteps), Unit.ITERATION);
    }

    /** The spec's default timescale: warmupSteps, or 10000 when warmupSteps is 0 (as Hugging Face). */
    public static long defaultTimescale(long warmupSteps) {
        return warmupSteps > 0 ? warmupSteps : DEFAULT_TIMESCALE_WITHOUT_WARMUP;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        if (t < warmupSteps) {
            return lr * t / warmupSteps;
        }
        // t − W first: both are longs, so the shift is exact before it becomes a double
        return lr / Math.sqrt(((double) (t - warmupSteps) + timescale) / timescale);
    }
}
