package lrwb.app.sweeps;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;

import java.util.List;

/**
 * The four schedules the article "Learning Rate Schedules and Adaptive Learning Rate Methods for Deep Learning"
 * (Suki Lau, 2017) compares, with its settings: a constant 0.1; time-based decay lr0 / (1 + k·t) with Keras' per-update
 * decay 0.001; step decay halving every 10 epochs; exponential decay lr0·e^(−0.1·epoch). What the schedules axis
 * offers, and what the "Schedules vs adaptive methods" preset sweeps against Adagrad, Adadelta, RMSprop and Adam.
 */
final class ArticleSchedules {
    static final ScheduleSpec CONSTANT = new ConstantSchedule(0.1);
    static final ScheduleSpec TIME_BASED = new InverseTimeSchedule(0.1, 0.001, 1, false, Unit.ITERATION);
    static final ScheduleSpec STEP = new StepSchedule(0.1, 10, 0.5, Unit.EPOCH);
    static final ScheduleSpec EXPONENTIAL = new NaturalExpSchedule(0.1, 0.1, Unit.EPOCH);

    /** Label and schedule, in the article's order. */
    record Named(String label, ScheduleSpec spec) {
    }

    static final List<Named> ALL = List.of(
            new Named("constant", CONSTANT),
            new Named("time-based decay (inverseTime)", TIME_BASED),
            new Named("step decay (×0.5 every 10 epochs)", STEP),
            new Named("exponential decay (e^(−0.1·epoch))", EXPONENTIAL));

    private ArticleSchedules() {
    }
}
