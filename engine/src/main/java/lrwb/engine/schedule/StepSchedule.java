package lrwb.engine.schedule;

/** {@code lr·gamma^floor(t/stepSize)}. */
public record StepSchedule(double lr, long stepSize, double gamma, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "step";
    public static final double DEFAULT_GAMMA = 0.1;

    public StepSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.steps(TYPE, "stepSize", stepSize);
        Check.positive(TYPE, "gamma", gamma);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        return lr * Math.pow(gamma, Math.floorDiv(t, stepSize));
    }
}
