package lrwb.engine.run;

import lrwb.engine.finder.RangePoint;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;

/**
 * Hears one run as it happens, whatever its kind, on the run's own thread: keep it quick and hand values to other
 * threads yourself (the app coalesces them per frame). Order: {@link #onStarted} once; then a range test's points,
 * or a training run's iterations, epochs and events (an epoch's row can arrive after the next epoch's first
 * iterations, when it was validated in the background); {@link #onEnded} last, once the record on disk is complete.
 */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    /** The data is loaded and the network built; the first update comes next. */
    default void onStarted(RunStart start) {
    }

    /** Range test: every recorded update, in order. */
    default void onRangePoint(RangePoint point) {
    }

    /** Training: every update, in order. */
    default void onIteration(IterationMetrics metrics) {
    }

    /** Training: every finished (and validated) epoch, in order. */
    default void onEpoch(EpochMetrics metrics) {
    }

    /** Training: pauses, resumptions, LR overrides, plateau reductions, and the final event. */
    default void onEvent(TrainingEvent event) {
    }

    /** Both kinds, last: how the run ended; its files are complete. */
    default void onEnded(RunOutcome outcome) {
    }
}
