package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import java.nio.file.Path;
import java.util.List;
public record SweepRecord(SweepGrid grid, List<SweepRow> rows, List<String> problems) {
    public static SweepRecord read(Path dir) { throw new UnsupportedOperationException(); }
}
