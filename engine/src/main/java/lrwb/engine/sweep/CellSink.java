package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
public interface CellSink {
    void finishedInPlace(SweepRow row);
}
