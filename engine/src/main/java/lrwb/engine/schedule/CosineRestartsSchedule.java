package lrwb.engine.schedule;

/**
 * SGDR: cosine decay that restarts, each period {@code tMul} times longer and each peak {@code mMul}
 * times the last (Keras CosineDecayRestarts).
 */
public record CosineRestartsSchedule(double lr, long firstDecaySteps, double tMul, double mMul, double alpha, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "cosineRestarts";

    public CosineRestartsSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.steps(TYPE, "firstDecaySteps", firstDecaySteps);
        if (!(Double.isFinite(tMul) && tMul >= 1)) {
            throw new InvalidSpecException(TYPE + ".tMul", "must be a finite number >= 1 (got " + Check.num(tMul) + ")");
        }
        Check.positive(TYPE, "mMul", mMul);
        Check.range(TYPE, "alpha", alpha, 0, true, 1, true);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        double f = (double) t / firstDecaySteps;
        double i;
        if (tMul == 1) {
            i = Math.floor(f);
            f -= i;
        } else {
            i = Math.floor(Math.log(1 - f * (1 - tMul)) / Math.log(tMul));
            double sumBefore = (1 - Math.pow(tMul, i)) / (1 - tMul);
            f = (f - sumBefore) / Math.pow(tMul, i);
        }
        return lr * ((1 - alpha) * Math.pow(mMul, i) * (1 + Math.cos(Math.PI * f)) / 2 + alpha);
    }
}
