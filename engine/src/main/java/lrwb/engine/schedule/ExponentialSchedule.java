package lrwb.engine.schedule;

/** {@code lr·decayRate^(t/decaySteps)}, the exponent floored when {@code staircase} (Keras ExponentialDecay). */
public record ExponentialSchedule(double lr, double decayRate, long decaySteps, boolean staircase, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "exponential";

    public ExponentialSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.positive(TYPE, "decayRate", decayRate);
        Check.steps(TYPE, "decaySteps", decaySteps);
        unit = unit == null ? Unit.ITERATION : unit;
        if (decayRate > 1) {
            double base = lr;
            double rate = decayRate;
            long steps = decaySteps;
            boolean stairs = staircase;
            long t = Overflow.first(s -> value(base, rate, steps, stairs, s), Long.MAX_VALUE);
            if (t >= 0) {
                throw new InvalidSpecException(TYPE + ".decayRate", "makes the LR overflow to infinity at step " + t
                        + ": lr·decayRate^(t/decaySteps) with lr " + Check.num(lr) + ", decayRate " + Check.num(decayRate)
                        + ", decaySteps " + decaySteps + "; use decayRate <= 1 or a smaller lr");
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        return value(lr, decayRate, decaySteps, staircase, t);
    }

    private static double value(double lr, double decayRate, long decaySteps, boolean staircase, long t) {
        double p = staircase ? Math.floorDiv(t, decaySteps) : (double) t / decaySteps;
        return lr * Math.pow(decayRate, p);
    }
}
