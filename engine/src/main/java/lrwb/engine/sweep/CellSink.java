package lrwb.engine.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Where a {@link CellBackend} hands its cells as they finish; thread-safe (the runner's summary writer). */
public interface CellSink {
    /**
     * The sweep folder DIR, where a backend that runs cells in place writes them ({@code DIR/cells/NNNN}, see
     * {@link SweepCell#folderName}). The runner's sink always knows it.
     */
    default Path sweepDir() {
        throw new IllegalStateException("this sink has no sweep folder: run the cells elsewhere and use finishedRemotely");
    }

    /** A cell is about to run (for progress); optional for a backend that cannot tell. */
    default void started(SweepCell cell) {
    }

    /** A cell whose run folder is already complete at its place DIR/cells/NNNN (the local runner writes it there). */
    void finishedInPlace(SweepRow row);

    /**
     * A cell run elsewhere (a Spark executor): its run folder's files, relative path -> bytes; the sink writes them
     * under DIR/cells/NNNN atomically (the folder appears whole, replacing what was there), then appends the row.
     */
    void finishedRemotely(SweepRow row, Map<String, byte[]> files) throws IOException;
}
