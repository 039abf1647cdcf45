package lrwb.engine.schedule;

/** {@code lr·e^(−k·t)}. */
public record NaturalExpSchedule(double lr, double k, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "naturalExp";

    public NaturalExpSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.nonNegative(TYPE, "k", k);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        return lr * Math.exp(-k * t);
    }
}
