package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import java.util.List;
public interface CellBackend extends AutoCloseable {
    void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) throws Exception;
    default void cancel() {}
    default void close() {}
}
