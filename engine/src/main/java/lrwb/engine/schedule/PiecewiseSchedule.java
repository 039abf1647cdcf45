package lrwb.engine.schedule;

import java.util.List;

/** {@code values[i]} for {@code b(i-1) < t ≤ b(i)}, as Keras PiecewiseConstantDecay. */
public record PiecewiseSchedule(List<Long> boundaries, List<Double> values, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "piecewise";

    public PiecewiseSchedule {
        boundaries = Check.ascending(TYPE, "boundaries", boundaries, 0);
        values = Check.nonEmpty(TYPE, "values", values);
        if (values.size() != boundaries.size() + 1) {
            throw new InvalidSpecException(TYPE + ".values", "must have one more element than boundaries (got "
                    + values.size() + " values for " + boundaries.size() + " boundaries)");
        }
        for (int i = 0; i < values.size(); i++) {
            Check.lr(TYPE, "values[" + i + "]", values.get(i));
        }
        unit = unit == null ? Unit.ITERATION : unit;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double lr(long t) {
        int i = 0;
        while (i < boundaries.size() && t > boundaries.get(i)) {
            i++;
        }
        return values.get(i);
    }
}
