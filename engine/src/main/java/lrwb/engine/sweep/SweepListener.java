package lrwb.engine.sweep;

/** Hears a sweep as it goes, from the runner's and the backend's threads: keep it quick. */
public interface SweepListener {
    SweepListener NONE = new SweepListener() {
    };

    /** sweep.json is written; {@code alreadyDone} cells were in summary.csv from an earlier start (resume). */
    default void onStarted(int total, int alreadyDone) {
    }

    default void onCellStarted(SweepCell cell) {
    }

    /** The row is in summary.csv; {@code done} counts the earlier start's cells too. */
    default void onCellFinished(SweepRow row, int done, int total) {
    }

    /** Last, once every file is complete. */
    default void onEnded(SweepOutcome outcome) {
    }
}
