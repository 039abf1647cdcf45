package lrwb.engine.schedule;

/** {@code lr / (1 + decayRate·t/decaySteps)}, {@code t/decaySteps} floored when {@code staircase}. */
public record InverseTimeSchedule(double lr, double decayRate, long decaySteps, boolean staircase, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "inverseTime";

    public InverseTimeSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.nonNegative(TYPE, "decayRate", decayRate);
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
        return lr / (1 + decayRate * p);
    }
}
