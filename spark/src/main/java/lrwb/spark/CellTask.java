package lrwb.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.run.RunHandle;
import lrwb.engine.sweep.CellRun;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepRunner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Spark task: runs one cell on the executor, through the same {@link CellRun} as the local runner, into a
 * temporary sweep folder of its own, and returns the row and the run folder's files (the driver writes them under
 * its {@code --out}). The cell comes as its JSON text: the engine's records are not Java-serialisable, and the
 * text is what sweep.json holds anyway.
 */
final class CellTask implements Function<String, CellResult> {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a cell's watcher looks whether Spark killed its task. */
    private static final long KILL_POLL_MS = 100;

    private final boolean stopDiverged;

    CellTask(boolean stopDiverged) {
        this.stopDiverged = stopDiverged;
    }

    @Override
    public CellResult call(String cellJson) throws Exception {
        SweepCell cell = SweepCell.fromJson(JSON.readTree(cellJson));
        TaskContext task = TaskContext.get();
        Path sweepDir = Files.createTempDirectory("lrwb-cell-" + cell.folderName() + "-");
        try {
            Path folder = SweepRunner.cellFolder(sweepDir, cell);
            SweepRow row = CellRun.runInto(cell, folder, stopDiverged, ExecutorEngine.runService(), sweepDir,
                    handle -> cancelWhenKilled(task, handle));
            return new CellResult(row.toCsvLine(), RunFolderFiles.read(folder));
        } finally {
            RunFolderFiles.deleteQuietly(sweepDir);
        }
    }

    /**
     * A cancelled sweep (its job group cancelled) kills the task and interrupts this thread, but a run's wait outlives
     * an interrupt (its files must be complete), so the training would go on to its end: a watcher cancels the run
     * when Spark marks the task killed.
     */
    private static void cancelWhenKilled(TaskContext task, RunHandle handle) {
        if (task == null) {
            return; // not in a Spark task (a test calling the task directly)
        }
        Thread watcher = new Thread(() -> {
            while (!handle.ended().isDone()) {
                if (task.isInterrupted()) {
                    handle.cancel();
                    return;
                }
                try {
                    handle.ended().get(KILL_POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not ended yet (or ended badly: the loop sees it done)
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lrwb-cell-kill-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
