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
}
