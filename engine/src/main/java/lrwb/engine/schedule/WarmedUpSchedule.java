package lrwb.engine.schedule;

/**
 * A formula schedule with a linear warmup in front (the Hugging Face {@code get_*_schedule_with_warmup}
 * convention): for t < W, {@code f(0)·(s + (1−s)·t/W)}; from W on, {@code f(t − W)}, so the schedule's own
 * decay starts after the warmup. It is the same type as the schedule it warms up (the JSON has one
 * {@code "type"} and a {@code "warmup"} object), counts in its unit, and never wraps another warmup.
 */
public record WarmedUpSchedule(FormulaSchedule schedule, Warmup warmup) implements FormulaSchedule {

    public WarmedUpSchedule {
        schedule = Check.required("warmup", "schedule", schedule);
        warmup = Check.required(schedule.type(), "warmup", warmup);
        if (schedule instanceof WarmedUpSchedule) {
            throw new InvalidSpecException(schedule.type() + ".warmup", "is already set: a schedule has one warmup");
        }
    }

    @Override
    public String type() {
        return schedule.type();
    }

    @Override
    public Unit unit() {
        return schedule.unit();
    }

    @Override
    public boolean usesEpochs() {
        return schedule.usesEpochs();
    }

    @Override
    public double lr(long t) {
        return t < warmup.steps() ? warmup.ramp(schedule.lr(0), t) : schedule.lr(t - warmup.steps());
    }

    /** Shifted in iterations, so that a schedule whose parts count in other units (a sequential) starts W units late. */
    @Override
    public double lrAtIteration(long iteration, int stepsPerEpoch) {
        long t = unit().t(iteration, stepsPerEpoch);
        if (t < warmup.steps()) {
            return warmup.ramp(schedule.lrAtIteration(0, stepsPerEpoch), t);
        }
        return schedule.lrAtIteration(iteration - warmup.steps() * unit().iterations(stepsPerEpoch), stepsPerEpoch);
    }
}
