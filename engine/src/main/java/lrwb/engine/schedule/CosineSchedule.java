package lrwb.engine.schedule;

/**
 * Cosine decay with optional linear warmup (Keras CosineDecay): from {@code lr} (or, with a warmup
 * target, linearly from {@code lr} to {@code warmupTarget} over {@code warmupSteps}, then from the target)
 * down to {@code alpha} times that peak over {@code decaySteps}.
 *
 * @param warmupTarget null when there is no warmup
 */
public record CosineSchedule(double lr, long decaySteps, double alpha, long warmupSteps, Double warmupTarget, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "cosine";

    public CosineSchedule {
        if (warmupTarget == null) {
            Check.lr(TYPE, "lr", lr);
        } else {
            Check.nonNegative(TYPE, "lr", lr); // a warmup may start from 0, as Keras' own CosineDecay example does
        }
        Check.steps(TYPE, "decaySteps", decaySteps);
        Check.range(TYPE, "alpha", alpha, 0, true, 1, true);
        Check.nonNegativeInt(TYPE, "warmupSteps", warmupSteps);
        if (warmupTarget != null) {
            Check.lr(TYPE, "warmupTarget", warmupTarget);
        } else if (warmupSteps > 0) {
            throw new InvalidSpecException(TYPE + ".warmupTarget", "is required when warmupSteps > 0 (got warmupSteps " + warmupSteps + ")");
        }
        unit = unit == null ? Unit.ITERATION : unit;
        // the warmup's (target − lr)·t is the one product here that can overflow, at its last step
        if (warmupTarget != null && warmupSteps > 0
                && !Double.isFinite(lr + (warmupTarget - lr) * (warmupSteps - 1) / warmupSteps)) {
            throw new InvalidSpecException(TYPE + ".warmupTarget", "makes the warmup overflow to infinity: (warmupTarget − lr)·t"
                    + " at step " + (warmupSteps - 1) + " with warmupTarget " + Check.num(warmupTarget) + "; use a smaller warmupTarget"
                    + " or fewer warmupSteps");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        if (warmupTarget == null) {
            return decayed(lr, Math.min(t, decaySteps));
        }
        if (t < warmupSteps) {
            return lr + (warmupTarget - lr) * t / warmupSteps;
        }
        return decayed(warmupTarget, Math.min(t - warmupSteps, decaySteps));
    }

    private double decayed(double peak, long t) {
        return peak * ((1 - alpha) * (1 + Math.cos(Math.PI * t / decaySteps)) / 2 + alpha);
    }
}
