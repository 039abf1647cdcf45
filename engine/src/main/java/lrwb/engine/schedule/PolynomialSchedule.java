package lrwb.engine.schedule;

/**
 * {@code (lr−endLr)·(1−t'/D)^power + endLr} (Keras PolynomialDecay). Unlike DL4J's PolySchedule,
 * which grows, this decays from {@code lr} to {@code endLr}.
 */
public record PolynomialSchedule(double lr, long decaySteps, double endLr, double power, boolean cycle, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "polynomial";

    public PolynomialSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.steps(TYPE, "decaySteps", decaySteps);
        Check.nonNegative(TYPE, "endLr", endLr);
        Check.positive(TYPE, "power", power);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        double d;
        double tt;
        if (cycle) {
            long cycles = Math.max(1, t / decaySteps + (t % decaySteps == 0 ? 0 : 1)); // ceil(t / decaySteps), no overflow near Long.MAX_VALUE
            d = (double) decaySteps * cycles;
            tt = t;
        } else {
            d = decaySteps;
            tt = Math.min(t, decaySteps);
        }
        return (lr - endLr) * Math.pow(1 - tt / d, power) + endLr;
    }
}
