package lrwb.engine.train;

import lrwb.engine.model.Network;

/**
 * Receives a training job as it happens, on the job's own thread: keep it quick, and hand values to
 * other threads yourself (the app coalesces them per frame).
 */
public interface TrainingListener {
    /** Once the data is loaded and the network built, before the first update. */
    default void onStarted(TrainingPlan plan) {
    }

    default void onIteration(IterationMetrics metrics) {
    }

    default void onEpoch(EpochMetrics metrics) {
    }

    /**
     * After the last update of an epoch ({@code network}'s epoch counter already counts it), before its validation:
     * the moment a run saves its network. Do not keep {@code network}: it goes on training when this returns.
     */
    default void onEpochTrained(Network network) {
    }

    default void onEvent(TrainingEvent event) {
    }
}
