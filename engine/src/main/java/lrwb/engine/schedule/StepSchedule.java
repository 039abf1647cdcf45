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
        if (gamma > 1) {
            double base = lr;
            double g = gamma;
            long k = Overflow.first(n -> base * Math.pow(g, n), Long.MAX_VALUE / stepSize);
            if (k >= 0) {
                throw new InvalidSpecException(TYPE + ".gamma", "makes the LR overflow to infinity at step " + k * stepSize
                        + ": lr·gamma^" + k + " = " + Check.num(lr) + "·" + Check.num(gamma) + "^" + k + " (stepSize "
                        + stepSize + "); use gamma <= 1 or a smaller lr");
            }
        }
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
