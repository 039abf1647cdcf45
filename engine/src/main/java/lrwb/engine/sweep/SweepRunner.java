package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import java.io.IOException;
import java.nio.file.Path;
public final class SweepRunner {
    public static SweepHandle start(SweepGrid grid, Path outDir, CellBackend backend, SweepListener listener) throws IOException {
        throw new UnsupportedOperationException();
    }
}
