package lrwb.app.runs;

import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunInfo;
import lrwb.engine.train.TrainingRecorder;
import lrwb.engine.run.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the Runs table shows of one run folder at one moment, read off the FX thread: its run.json and, for
 * training, the best validation accuracy in epochs.csv. No JavaFX.
 *
 * @param bestValAccuracy NaN for range tests and before the first epoch ended
 */
record RunSnapshot(Path dir, RunInfo info, double bestValAccuracy) {
    static final String TRAINING = "training";
    static final String RANGE_TEST = "rangeTest";

    /** A best accuracy read earlier, valid while epochs.csv keeps its size and time stamp. */
    record Best(long size, long modified, double value) {
    }

    /**
     * @param cache earlier readings by folder, so a list re-read every few seconds does not re-read every run's
     *              epochs.csv; updated here
     */
    static RunSnapshot read(RunCatalog.Entry entry, Map<Path, Best> cache) {
        double best = Double.NaN;
        Path epochs = entry.dir().resolve(TrainingRecorder.EPOCHS);
        if (TRAINING.equals(entry.info().kind()) && Files.exists(epochs)) {
            try {
                long size = Files.size(epochs);
                long modified = Files.getLastModifiedTime(epochs).toMillis();
                Best known = cache.get(entry.dir());
                if (known != null && known.size() == size && known.modified() == modified) {
                    return new RunSnapshot(entry.dir(), entry.info(), known.value());
                }
                CsvTable table = CsvTable.read(epochs, "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds");
                for (double v : table.column("val_accuracy")) {
                    if (Double.isFinite(v) && !(v <= best)) {
                        best = v;
                    }
                }
                cache.put(entry.dir(), new Best(size, modified, best));
            } catch (IOException | IllegalArgumentException e) {
                // A damaged epochs.csv leaves the cell empty; the run itself is still listed.
            }
        }
        return new RunSnapshot(entry.dir(), entry.info(), best);
    }
}
