package lrwb.engine.train;

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

    default void onEvent(TrainingEvent event) {
    }
}
