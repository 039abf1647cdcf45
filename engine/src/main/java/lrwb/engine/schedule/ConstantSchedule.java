package lrwb.engine.schedule;

/** {@code lr} at every step. */
public record ConstantSchedule(double lr, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "constant";

    public ConstantSchedule {
        Check.lr(TYPE, "lr", lr);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    public ConstantSchedule(double lr) {
        this(lr, Unit.ITERATION);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        return lr;
    }
}
