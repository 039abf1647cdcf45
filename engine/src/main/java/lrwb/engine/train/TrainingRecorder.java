package lrwb.engine.train;

import lrwb.engine.run.CsvLog;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a training job to its run folder as it happens: iterations.csv and epochs.csv appended and
 * flushed at least every quarter second (epochs.csv at an epoch's end once its last flush is that old, always
 * after iterations.csv, so an epoch row on disk has its iterations there too; both at every pause and at the
 * end), events.csv for overrides and plateau reductions, and run.json rewritten atomically at start and end.
 * A killed process leaves files that are complete up to the moment it died.
 */
public final class TrainingRecorder implements TrainingListener {
    public static final String ITERATIONS = "iterations.csv";
    public static final String EPOCHS = "epochs.csv";
    public static final String EVENTS = "events.csv";

    private final Path dir;
    private RunInfo info;
    private final CsvLog iterations;
    private final CsvLog epochs;
    private final CsvLog events;

    public TrainingRecorder(Path dir, TrainingRequest request) throws IOException {
        this.dir = dir;
        this.info = RunInfo.started("training", request.name(), request.toJson());
        info.writeTo(dir);
        iterations = CsvLog.create(dir.resolve(ITERATIONS), "iteration,epoch,lr,loss");
        epochs = CsvLog.create(dir.resolve(EPOCHS), "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds");
        events = CsvLog.create(dir.resolve(EVENTS), "iteration,epoch,kind,lr,message");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void onStarted(TrainingPlan plan) {
        info.config().put("stepsPerEpoch", plan.stepsPerEpoch());
        info.config().put("trainSize", plan.trainSize());
        info.config().put("validationSize", plan.validationSize());
        write(() -> info.writeTo(dir));
    }

    @Override
    public void onIteration(IterationMetrics m) {
        write(() -> iterations.append(m.iteration(), m.epoch(), m.lr(), m.loss()));
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        write(() -> {
            epochs.hold(m.epoch(), m.lr(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.seconds());
            if (epochs.isFlushDue()) { // small sets end an epoch every few milliseconds: not a flush each time
                iterations.flush(); // an epoch row never reaches the disk before its iterations
                epochs.flush();
            }
        });
    }

    @Override
    public void onEvent(TrainingEvent e) {
        write(() -> {
            switch (e.kind()) {
                case LR_OVERRIDDEN, LR_OVERRIDE_CLEARED, PLATEAU_REDUCTION, PAUSED, RESUMED -> {
                    events.append(e.iteration(), e.epoch(), e.kind().name().toLowerCase(), e.lr(), quoted(e.message()));
                    events.flush();
                    iterations.flush();
                    epochs.flush();
                }
                case FINISHED, CANCELLED, DIVERGED, FAILED -> {
                    iterations.close();
                    epochs.close();
                    events.close();
                    info = info.ended(statusOf(e.kind()), e.message());
                    info.writeTo(dir);
                }
                default -> {
                }
            }
        });
    }

    private static RunStatus statusOf(TrainingEvent.Kind kind) {
        return switch (kind) {
            case FINISHED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            case DIVERGED -> RunStatus.DIVERGED;
            default -> RunStatus.FAILED;
        };
    }

    private static String quoted(String text) {
        return "\"" + (text == null ? "" : text.replace("\"", "\"\"")) + "\"";
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record: " + e.getMessage(), e);
        }
    }
}
