package lrwb.engine.run;

import lrwb.engine.model.Network;
import java.util.concurrent.Executor;

import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a training job to its run folder as it happens: iterations.csv and epochs.csv appended and flushed at
 * least every quarter second — by the job's thread when it appends, and by the run service's flusher while the
 * job is busy elsewhere (validating) — epochs.csv always after iterations.csv, so an epoch row on disk has its
 * iterations there too; events.csv for overrides, pauses and plateau reductions; run.json rewritten atomically
 * at start and at the end. The first listener of its job, so the record is final before anyone hears the end.
 */
final class TrainingRecorder implements TrainingListener, DueFlush {
    private final RecordFolder folder;
    private final CsvLog iterations;
    private final CsvLog epochs;
    private final CsvLog events;
    private boolean writeFailed;
    /** The first write the disk refused (a full disk), reported with every later refusal. */
    private IOException writeError;
    private IOException endFailure;
    private RunStatus writtenStatus;
    private String writtenMessage;

    /** Whether the run's data is a plane (2 features): its epochs' parameters are recorded for replay. */
    private final boolean plane;
    /** Created at the first epoch's end (it needs the network's size); null before, and for other runs. Job thread. */
    private EpochParametersLog epochParameters;
    /** Job thread: epochs trained and updates done so far, counted as the job counts them. */
    private int epochsTrained;
    private long updatesDone;
    private int plannedEpochs;

    private final NetworkCheckpoint network;
    /** Why the last model.zip could not be written, found when the run ended; null if it was. */
    private IOException networkFailure;

    /** A recorder that writes the network after every epoch. */
    TrainingRecorder(RecordFolder folder, Executor networkWriter, boolean plane) throws IOException {
        this(folder, networkWriter, plane, NetworkSaving.EVERY_EPOCH);
    }

    /**
     * @param networkWriter where the network's zip is written, off the job's thread
     * @param plane         whether the data has 2 features: the parameters of each epoch go to
     *                      {@link RunFiles#EPOCH_PARAMETERS}
     * @param saving        when the network's zip is written
     */
    TrainingRecorder(RecordFolder folder, Executor networkWriter, boolean plane, NetworkSaving saving) throws IOException {
        this.folder = folder;
        this.plane = plane;
        network = new NetworkCheckpoint(folder.dir().resolve(RunFiles.MODEL), networkWriter, saving);
        Path dir = folder.dir();
        iterations = CsvLog.create(dir.resolve(RunFiles.ITERATIONS), RunFiles.ITERATIONS_HEADER);
        epochs = CsvLog.create(dir.resolve(RunFiles.EPOCHS), RunFiles.EPOCHS_HEADER);
        events = CsvLog.create(dir.resolve(RunFiles.EVENTS), RunFiles.EVENTS_HEADER);
    }

    Path dir() {
        return folder.dir();
    }

    /** Why the final run.json could not be written, or null. */
    synchronized IOException endFailure() {
        return endFailure;
    }

    @Override
    public synchronized void onStarted(TrainingPlan plan) {
        plannedEpochs = plan.epochs();
        folder.config().put("stepsPerEpoch", plan.stepsPerEpoch());
        folder.config().put("trainSize", plan.trainSize());
        folder.config().put("validationSize", plan.validationSize());
        write(folder::rewrite);
    }

    @Override
    public synchronized void onIteration(IterationMetrics m) {
        updatesDone = m.iteration() + 1;
        write(() -> iterations.append(m.iteration(), m.epoch(), m.lr(), m.loss()));
    }

    @Override
    public synchronized void onEpoch(EpochMetrics m) {
        write(() -> {
            epochs.hold(m.epoch(), m.lr(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.seconds());
            if (epochs.isFlushDue()) { // small sets end an epoch every few milliseconds: not a flush each time
                iterations.flush(); // an epoch row never reaches the disk before its iterations
                epochs.flush();
            }
        });
    }

    @Override
    public void onEpochTrained(Network net) {
        try {
            network.epochEnded(net); // not under this recorder's lock: the flusher must not wait for array copies
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RunFiles.MODEL + ": " + e.getMessage(), e);
        }
        int epoch = epochsTrained++;
        if (plane) {
            recordParameters(net, epoch);
        }
    }

    /** Job thread: one small write per epoch (a 2-D network has a few thousand parameters at most, as a rule). */
    private void recordParameters(Network net, int epoch) {
        Path file = folder.dir().resolve(RunFiles.EPOCH_PARAMETERS);
        try {
            if (epochParameters == null) {
                epochParameters = EpochParametersLog.create(file, (int) net.numParams(), plannedEpochs);
            }
            epochParameters.append(epoch, updatesDone, lrwb.engine.runtime.HostCopy.values(net.params()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RunFiles.EPOCH_PARAMETERS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flushIfDue() {
        flushRowsIfDue();
        network.writeIfDue(); // hands the write to the network writer: nothing here waits for it
    }

    private synchronized void flushRowsIfDue() {
        try {
            if (!writeFailed && (iterations.isFlushDue() || epochs.isFlushDue())) {
                iterations.flush();
                epochs.flush();
            }
        } catch (IOException e) {
            writeFailed = true; // the job's next row reports it
            writeError = e;
        }
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e.kind().isTerminal()) {
            // Not under this recorder's lock: the flusher, which serves every run, must not wait for a large zip.
            awaitNetwork();
        }
        recordEvent(e);
    }

    private void awaitNetwork() {
        try {
            network.awaitWritten();
        } catch (IOException io) {
            synchronized (this) {
                networkFailure = io;
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt(); // the record is completed all the same; the zip holds an earlier epoch
        }
    }

    private synchronized void recordEvent(TrainingEvent e) {
        switch (e.kind()) {
            case LR_OVERRIDDEN, LR_OVERRIDE_CLEARED, PLATEAU_REDUCTION, PAUSED, RESUMED -> write(() -> {
                events.append(e.iteration(), e.epoch(), e.kind().name().toLowerCase(Locale.ROOT), e.lr(), quoted(e.message()));
                events.flush();
                iterations.flush();
                epochs.flush();
            });
            case FINISHED, CANCELLED, DIVERGED, FAILED -> end(e);
            default -> {
            }
        }
    }

    private void end(TrainingEvent e) {
        RunStatus status = statusOf(e.kind());
        String message = e.message();
        if (writeFailed && status != RunStatus.FAILED) { // the flusher met the full disk after the job's last write
            status = RunStatus.FAILED;
            message = "cannot write the run record: " + (writeError == null ? "a write failed" : writeError.getMessage());
        }
        if (networkFailure != null && status != RunStatus.FAILED) {
            status = RunStatus.FAILED;
            message = "cannot write " + RunFiles.MODEL + ": " + networkFailure.getMessage();
        }
        for (CsvLog log : new CsvLog[] {iterations, epochs, events}) {
            if (writeFailed) {
                log.closeAfterFailure();
                continue;
            }
            try {
                log.close();
            } catch (IOException io) {
                writeFailed = true;
                log.closeAfterFailure();
                status = RunStatus.FAILED;
                message = "cannot write the run record: " + io.getMessage();
            }
        }
        if (epochParameters != null) {
            try {
                epochParameters.close();
            } catch (IOException io) {
                // every record was written whole as its epoch ended: closing loses nothing
            }
        }
        writtenStatus = status;
        writtenMessage = message;
        try {
            folder.end(status, message);
        } catch (IOException io) {
            endFailure = io;
        }
    }

    /** The final status as run.json records it (null before the end): the run's outcome, whatever the job said. */
    synchronized RunStatus writtenStatus() {
        return writtenStatus;
    }

    synchronized String writtenMessage() {
        return writtenMessage;
    }

    static RunStatus statusOf(TrainingEvent.Kind kind) {
        return switch (kind) {
            case FINISHED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            case DIVERGED -> RunStatus.DIVERGED;
            default -> RunStatus.FAILED;
        };
    }

    private static String quoted(String text) {
        String oneLine = text == null ? "" : text.replace("\r", " ").replace("\n", " ");
        return "\"" + oneLine.replace("\"", "\"\"") + "\"";
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void write(IoAction action) {
        if (writeFailed) {
            IOException e = writeError != null ? writeError : new IOException("the disk refused an earlier write");
            throw new UncheckedIOException("cannot write the run record: " + e.getMessage(), e);
        }
        try {
            action.run();
        } catch (IOException e) {
            writeFailed = true;
            writeError = e;
            throw new UncheckedIOException("cannot write the run record: " + e.getMessage(), e);
        }
    }
}
