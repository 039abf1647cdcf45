package lrwb.engine.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Schedules one after the other (PyTorch SequentialLR), e.g. a linear warmup then a cosine decay:
 * {@code schedules[0](t)} for {@code t < m0}, then {@code schedules[i+1](t − m(i))}.
 * Milestones count in this spec's unit; each part reads its local offset in its own unit.
 */
public record SequentialSchedule(List<FormulaSchedule> schedules, List<Long> milestones, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "sequential";

    public SequentialSchedule {
        schedules = Check.nonEmpty(TYPE, "schedules", schedules);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        if (milestones.size() != schedules.size() - 1) {
            throw new InvalidSpecException(TYPE + ".milestones", "must have one fewer element than schedules (got "
                    + milestones.size() + " milestones for " + schedules.size() + " schedules)");
        }
        if (!milestones.isEmpty()) {
            Check.ascending(TYPE, "milestones", milestones, 1);
        }
        unit = unit == null ? Unit.ITERATION : unit;
    }

    /** Builds a sequential from specs that may include a plateau, refusing it with a message naming its index. */
    public static SequentialSchedule of(List<? extends ScheduleSpec> parts, List<Long> milestones, Unit unit) {
        List<FormulaSchedule> formulas = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof FormulaSchedule f)) {
                throw new InvalidSpecException(TYPE + ".schedules[" + i + "]",
                        "cannot be a plateau: plateau adapts to a metric, so it has no fixed curve to chain");
            }
            formulas.add(f);
        }
        return new SequentialSchedule(formulas, milestones, unit);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean usesEpochs() {
        return unit == Unit.EPOCH || schedules.stream().anyMatch(FormulaSchedule::usesEpochs);
    }

    private int partAt(long t) {
        int i = 0;
        while (i < milestones.size() && t >= milestones.get(i)) {
            i++;
        }
        return i;
    }

    @Override
    public double lr(long t) {
        int i = partAt(t);
        long offset = i == 0 ? 0 : milestones.get(i - 1);
        return schedules.get(i).lr(t - offset);
    }

    @Override
    public double lrAtIteration(long iteration, int stepsPerEpoch) {
        int i = partAt(unit.t(iteration, stepsPerEpoch));
        long offset = i == 0 ? 0 : milestones.get(i - 1) * unit.iterations(stepsPerEpoch);
        return schedules.get(i).lrAtIteration(iteration - offset, stepsPerEpoch);
    }
}
