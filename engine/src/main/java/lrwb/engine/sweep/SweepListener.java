package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
public interface SweepListener {
    default void onStarted(int total, int alreadyDone) {}
    default void onCellStarted(SweepCell cell) {}
    default void onCellFinished(SweepRow row, int done, int total) {}
    default void onEnded(SweepOutcome outcome) {}
}
