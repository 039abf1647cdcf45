package lrwb.engine.schedule;

/** {@code lr·(startFactor + (endFactor−startFactor)·min(t,totalSteps)/totalSteps)} (PyTorch LinearLR): warmup or linear decay. */
public record LinearSchedule(double lr, double startFactor, double endFactor, long totalSteps, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "linear";
    public static final double DEFAULT_START_FACTOR = 1.0 / 3;
    public static final double DEFAULT_END_FACTOR = 1.0;
    public static final long DEFAULT_TOTAL_STEPS = 5;

    public LinearSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.range(TYPE, "startFactor", startFactor, 0, false, 1, true);
        Check.range(TYPE, "endFactor", endFactor, 0, true, 1, true);
        Check.steps(TYPE, "totalSteps", totalSteps);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        return lr * (startFactor + (endFactor - startFactor) * Math.min(t, totalSteps) / totalSteps);
    }
}
