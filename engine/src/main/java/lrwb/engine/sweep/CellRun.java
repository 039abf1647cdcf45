package lrwb.engine.sweep;

import lrwb.engine.run.RunHandle;
import lrwb.engine.run.NetworkSaving;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.RunTarget;
import lrwb.engine.run.TrainingRecord;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs ONE cell into a folder through the run service — the same code on the local runner and in a Spark task — and
 * makes its summary row from the record the run left. With {@code stopDiverged}, a cell whose loss runs away stops
 * early as {@code diverged} ({@link DivergenceWatch}). An unfinished run in the folder (a killed sweep's) is replaced,
 * so a cell writes its network once, at its end ({@link NetworkSaving#AT_END}): nothing reads it before.
 */
public final class CellRun {
    private CellRun() {
    }

    /**
     * @param folder   where to run it: DIR/cells/NNNN on the local runner, a temporary folder in a Spark task
     * @param sweepDir the sweep folder, or null where it is not at hand (a Spark executor); the row's {@code run}
     *                 is {@code cells/NNNN} either way, where the runner keeps the cell's files
     * @throws IOException when the run cannot be started for want of the disk (its folder cannot be written)
     */
    public static SweepRow runInto(SweepCell cell, Path folder, boolean stopDiverged, RunService service, Path sweepDir)
            throws IOException {
        return runInto(cell, folder, stopDiverged, service, sweepDir, h -> {
        });
    }

    /** As above; {@code started} gets the run's handle as soon as it exists (to cancel it). */
    public static SweepRow runInto(SweepCell cell, Path folder, boolean stopDiverged, RunService service, Path sweepDir,
                                   Consumer<RunHandle> started) throws IOException {
        String run = SweepRunner.CELLS + "/" + cell.folderName(); // where the runner keeps it, wherever it ran
        long start = System.nanoTime();
        RunOutcome outcome;
        try {
            RunHandle handle = service.startTraining(cell.request(), RunTarget.folder(folder, true),
                    stopDiverged ? new DivergenceWatch() : RunListener.NONE, NetworkSaving.AT_END);
            started.accept(handle);
            outcome = handle.await();
        } catch (RunRefusedException e) { // the grid was checked, so only a changed file or a live writer lands here
            return row(cell, RunStatus.FAILED, List.of(), (System.nanoTime() - start) / 1e9, run);
        }
        RunRecord record = RunRecord.read(outcome.folder());
        if (record.kind() != RunKind.TRAINING) { // another kind of run in its folder: no epochs to read
            return row(cell, outcome.status(), List.of(), (System.nanoTime() - start) / 1e9, run);
        }
        return row(cell, outcome.status(), TrainingRecord.readEpochs(outcome.folder()),
                record.duration().toNanos() / 1e9, run);
    }

    /** A cell's row from its epochs' records. */
    static SweepRow row(SweepCell cell, RunStatus status, List<EpochMetrics> epochs, double seconds, String run) {
        TrainingRequest r = cell.request();
        double bestAcc = epochs.stream().mapToDouble(EpochMetrics::valAccuracy).filter(Double::isFinite).max().orElse(Double.NaN);
        double bestLoss = epochs.stream().mapToDouble(EpochMetrics::valLoss).filter(Double::isFinite).min().orElse(Double.NaN);
        EpochMetrics last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        return new SweepRow(cell.index(), cell.peakLr(), r.optimizer().describe(), ScheduleJson.toTree(r.schedule()).toString(),
                r.model().describe(), r.batchSize(), r.seed(), r.epochs(), r.data().source(), status.json(), bestAcc,
                last == null ? Double.NaN : last.valAccuracy(), bestLoss, last == null ? Double.NaN : last.valLoss(),
                last == null ? Double.NaN : last.trainLoss(), epochs.size(), seconds, run);
    }

}
