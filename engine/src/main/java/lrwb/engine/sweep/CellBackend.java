package lrwb.engine.sweep;

import java.util.List;

/**
 * How a sweep's cells are executed: {@link LocalCells} (a pool of this process's threads), or Apache Spark (module
 * {@code spark}, found through {@link CellBackendProvider}). Either way each cell runs through {@link CellRun}, so
 * the files and numbers are the same.
 */
public interface CellBackend extends AutoCloseable {
    /**
     * Runs the cells (in any order, some at once) and hands each finished one to the sink, from any thread. Returns
     * when every cell is done or, after {@link #cancel}, when the running ones have stopped (their rows are handed
     * over with status {@code cancelled}, or not at all).
     */
    void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) throws Exception;

    /** Stops the running cells (their records are completed) and starts no more; any thread. */
    default void cancel() {
    }

    @Override
    default void close() {
    }
}
