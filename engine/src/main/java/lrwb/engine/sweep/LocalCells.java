package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import lrwb.engine.runtime.EngineContext;
import java.util.List;
public final class LocalCells implements CellBackend {
    public LocalCells(int parallel, EngineContext context) {}
    @Override public void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) { throw new UnsupportedOperationException(); }
}
