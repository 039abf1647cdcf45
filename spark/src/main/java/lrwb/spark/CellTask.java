package lrwb.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.sweep.CellRun;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepRow;
import org.apache.spark.api.java.function.Function;

import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private final boolean stopDiverged;

    CellTask(boolean stopDiverged) {
        this.stopDiverged = stopDiverged;
    }

    @Override
    public CellResult call(String cellJson) throws Exception {
        SweepCell cell = SweepCell.fromJson(JSON.readTree(cellJson));
        Path sweepDir = Files.createTempDirectory("lrwb-cell-" + cell.folderName() + "-");
        try {
            Path folder = sweepDir.resolve(SparkCells.CELLS).resolve(cell.folderName());
            SweepRow row = CellRun.runInto(cell, folder, stopDiverged, ExecutorEngine.runService(), sweepDir);
            return new CellResult(row.toCsvLine(), RunFolderFiles.read(folder));
        } finally {
            RunFolderFiles.deleteQuietly(sweepDir);
        }
    }
}
