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
        if (mMul > 1) {
            refuseGrowingPeaks(lr, firstDecaySteps, tMul, mMul, alpha);
        }
    }

    /** Peaks grow by mMul per restart; the last restart a long step count reaches must still peak at a finite LR. */
    private static void refuseGrowingPeaks(double lr, long firstDecaySteps, double tMul, double mMul, double alpha) {
        double periods = (double) Long.MAX_VALUE / firstDecaySteps; // in units of firstDecaySteps
        long lastRestart = tMul == 1 ? Long.MAX_VALUE / firstDecaySteps
                : (long) Math.floor(Math.log1p(periods * (tMul - 1)) / Math.log(tMul));
        long i = Overflow.first(n -> {
            double peak = Math.pow(mMul, n);
            return lr * ((1 - alpha) * peak + alpha) + peak; // + peak: alpha 1 would hide an infinite peak (0·∞)
        }, lastRestart);
        if (i >= 0) {
            double start = tMul == 1 ? (double) i * firstDecaySteps : (Math.pow(tMul, i) - 1) / (tMul - 1) * firstDecaySteps;
            throw new InvalidSpecException(TYPE + ".mMul", "makes the LR overflow to infinity at restart " + i + " (step "
                    + Check.num(Math.ceil(start)) + "): the peak lr·mMul^" + i + " = " + Check.num(lr) + "·" + Check.num(mMul) + "^" + i
                    + "; use mMul <= 1 or a smaller lr");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        double f = (double) t / firstDecaySteps;
        double peak = 1;
        if (tMul == 1) {
            double i = Math.floor(f);
            f -= i;
            peak = mMul == 1 ? 1 : Math.pow(mMul, i);
        } else {
            // Walk the periods (lengths 1, tMul, tMul², ... in units of firstDecaySteps) instead of taking
            // floor(log(...)): exact at every restart, where the log ratio can land an ulp below an integer,
            // and faster, since a long run has only a few dozen periods.
            double periodStart = 0;
            double period = 1;
            while (periodStart + period <= f) {
                periodStart += period;
                period *= tMul;
                peak *= mMul;
            }
            f = (f - periodStart) / period;
        }
        return lr * ((1 - alpha) * peak * (1 + Math.cos(Math.PI * f)) / 2 + alpha);
    }
}
