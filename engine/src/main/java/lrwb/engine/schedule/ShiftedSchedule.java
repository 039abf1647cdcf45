package lrwb.engine.schedule;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A schedule that starts where a network's counters stand: DL4J asks for the LR at the network's own iteration and
 * epoch, and a network that continues a saved run keeps counting from where that run stopped (its updater's bias
 * corrections need the true count). Shifting the schedule makes the continuing run follow its own schedule from its
 * first update.
 */
public final class ShiftedSchedule implements ISchedule {
    private final ISchedule schedule;
    private final int startIteration;
    private final int startEpoch;

    public ShiftedSchedule(ISchedule schedule, int startIteration, int startEpoch) {
        this.schedule = schedule;
        this.startIteration = startIteration;
        this.startEpoch = startEpoch;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return schedule.valueAt(iteration - startIteration, epoch - startEpoch);
    }

    @Override
    public ISchedule clone() {
        return this; // immutable
    }
}
