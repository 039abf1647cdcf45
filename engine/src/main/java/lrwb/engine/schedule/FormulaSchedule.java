package lrwb.engine.schedule;

/**
 * A schedule whose LR is a pure function of the iteration (every type except {@code plateau}).
 */
public sealed interface FormulaSchedule extends ScheduleSpec
        permits ConstantSchedule, StepSchedule, MultiStepSchedule, PiecewiseSchedule, ExponentialSchedule,
        NaturalExpSchedule, InverseTimeSchedule, PolynomialSchedule, CosineSchedule, CosineRestartsSchedule,
        LinearSchedule, CyclicSchedule, OneCycleSchedule, SequentialSchedule, WsdSchedule, InverseSqrtSchedule,
        WarmedUpSchedule {

    /** The formula of specs/schedules.md at its own {@code t} (iterations or epochs, per {@link #unit()}). */
    double lr(long t);

    /**
     * The LR that the given 0-based update uses.
     *
     * @param stepsPerEpoch batches per epoch; only read when the unit is epoch
     */
    default double lrAtIteration(long iteration, int stepsPerEpoch) {
        return lr(unit().t(iteration, stepsPerEpoch));
    }

    /** Whether this schedule (or a part of it) counts epochs, so that stepsPerEpoch matters. */
    default boolean usesEpochs() {
        return unit() == Unit.EPOCH;
    }

    @Override
    default double initialLr() {
        return lrAtIteration(0, 1);
    }

    /** LR of updates {@code 0 .. steps-1}, in one pass (what the Designer and {@code lrwb schedule} draw). */
    default double[] curve(int steps, int stepsPerEpoch) {
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = lrAtIteration(i, stepsPerEpoch);
        }
        return out;
    }
}
