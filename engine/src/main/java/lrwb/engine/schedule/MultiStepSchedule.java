package lrwb.engine.schedule;

import java.util.List;

/** {@code lr·gamma^(number of milestones ≤ t)}; a repeated milestone counts twice. */
public record MultiStepSchedule(double lr, List<Long> milestones, double gamma, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "multiStep";
    public static final double DEFAULT_GAMMA = 0.1;

    public MultiStepSchedule {
        Check.lr(TYPE, "lr", lr);
        milestones = Check.nonEmpty(TYPE, "milestones", milestones);
        for (int i = 0; i < milestones.size(); i++) {
            Check.nonNegativeInt(TYPE, "milestones[" + i + "]", milestones.get(i));
        }
        Check.positive(TYPE, "gamma", gamma);
        unit = unit == null ? Unit.ITERATION : unit;
        if (gamma > 1) {
            double base = lr;
            double g = gamma;
            long k = Overflow.first(n -> base * Math.pow(g, n), milestones.size());
            if (k >= 0) {
                long step = milestones.stream().sorted().toList().get((int) k - 1);
                throw new InvalidSpecException(TYPE + ".gamma", "makes the LR overflow to infinity at step " + step
                        + " (milestone " + k + " of " + milestones.size() + "): lr·gamma^" + k + " = " + Check.num(lr) + "·"
                        + Check.num(gamma) + "^" + k + "; use gamma <= 1 or a smaller lr");
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        int passed = 0;
        for (long m : milestones) {
            if (m <= t) {
                passed++;
            }
        }
        return lr * Math.pow(gamma, passed);
    }

    /**
     * The same values as {@link #lr} at every update, in one pass: the power of gamma is taken once per number of
     * milestones passed and the milestones are walked as t grows (the Designer draws a million points of it).
     */
    @Override
    public double[] curve(int steps, int stepsPerEpoch) {
        long[] sorted = milestones.stream().mapToLong(Long::longValue).sorted().toArray();
        double[] byPassed = new double[sorted.length + 1];
        for (int k = 0; k < byPassed.length; k++) {
            byPassed[k] = lr * Math.pow(gamma, k);
        }
        double[] out = new double[steps];
        int passed = 0;
        for (int i = 0; i < steps; i++) {
            long t = unit().t(i, stepsPerEpoch);
            while (passed < sorted.length && sorted[passed] <= t) {
                passed++;
            }
            out[i] = byPassed[passed];
        }
        return out;
    }
}
