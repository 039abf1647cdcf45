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
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        double p = staircase ? Math.floorDiv(t, decaySteps) : (double) t / decaySteps;
        return lr * Math.pow(decayRate, p);
    }
}
