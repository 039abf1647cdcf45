package lrwb.app.training;

import lrwb.app.text.DurationText;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import lrwb.app.chart.NumberLabels;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.run.RunHandle;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One run of the Training workspace, queued, live or reopened from disk: what it trains, its colour on the
 * charts, its state and progress, the reason it ended, and its curves. Metrics are appended a frame at a time
 * on the FX thread and announced once per frame through {@link #revisionProperty()}.
 */
public final class TrainingRun {
    private final int number;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final TrainingRequest request;
    private final Color color;
    private final RunSeries series = new RunSeries();
    private final ObservableList<TrainingEvent> marks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.QUEUED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("waiting in the queue");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper bestValAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper overrideLr = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;
    private long lastProgressNanos;
    private RunState progressState;
    private RunHandle handle;
    private boolean launched;
    /** Set on the FX thread, read by the thread that starts the run. */
    private volatile boolean cancelWhenLaunched;
    private TrainingPlan plan;
    private int lastEpoch;
    private long startedNanos;
    private long pausedNanos;
    private long pausedSince;

    /**
     * @param request what to train; null for a run reopened from disk
     */
    TrainingRun(int number, String name, TrainingRequest request, Color color) {
        this.number = number;
        this.name.set(name);
        this.request = request;
        this.color = color;
    }

    /** 1-based position in the session, for short legend names ("#2 val"). */
    public int number() {
        return number;
    }

    public String name() {
        return name.get();
    }

    /** The run's name, which follows a rename in the Runs workspace. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    void rename(String newName) {
        name.set(newName);
    }

    /** "#2 iris · mlp:64,32 · sgd · cosine". */
    public String title() {
        return "#" + number + " " + name.get();
    }

    /** The configuration; null when reopened from disk. */
    public TrainingRequest request() {
        return request;
    }

    public Color color() {
        return color;
    }

    public RunSeries series() {
        return series;
    }

    /** LR overrides, their clearing and plateau reductions, in order: what the charts mark. */
    public ObservableList<TrainingEvent> marks() {
        return marks;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    /** How it ended, in words (why it failed or diverged); empty while it runs. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    /** "Epoch 3/10 · iteration 120/400 · 0:12 elapsed · ETA 0:28 · lr 0.01". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** 0..1 of the planned iterations. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bestValAccuracyProperty() {
        return bestValAccuracy.getReadOnlyProperty();
    }

    /** The LR set by hand that is in effect, NaN when the schedule rules. */
    public ReadOnlyDoubleProperty overrideLrProperty() {
        return overrideLr.getReadOnlyProperty();
    }

    /** Goes up once per frame in which the curves grew (or were replaced): the charts redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The run folder on disk, once it exists. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path folder() {
        return folder.get();
    }

    /** Total planned iterations, 0 until the data is loaded. */
    public long plannedIterations() {
        return plan == null ? 0 : plan.totalIterations();
    }

    /** The run service's handle, once its folder exists; null before and for a reopened run. */
    RunHandle handle() {
        return handle;
    }

    /** Whether this session runs its job now (a run reopened while another process trains it is not steerable). */
    public boolean isActive() {
        return launched && state.get().isLive();
    }

    /** Stops the job before its next update, or as soon as it has started when its data is still loading. */
    void cancel() {
        if (handle != null) {
            handle.cancel();
        } else {
            cancelWhenLaunched = true;
        }
    }

    // ---- life cycle, FX thread ----

    /** Whether Stop was asked for before the run had a handle (any thread). */
    boolean isCancelRequested() {
        return cancelWhenLaunched;
    }

    /** The job is being prepared (data loading, network building) on a background thread. */
    void launching() {
        launched = true;
        state.set(RunState.LOADING);
        progressText.set("loading the data and building the network…");
    }

    /** The service has started it: its folder exists and it can be steered. */
    void launched(RunHandle started) {
        this.handle = started;
        folder.set(started.folder());
        if (cancelWhenLaunched) {
            started.cancel();
        }
    }

    void started(TrainingPlan p) {
        plan = p;
        series.setStepsPerEpoch(p.stepsPerEpoch());
        startedNanos = System.nanoTime();
        state.set(RunState.RUNNING);
        message.set(modelNotes());
    }

    /** What was done to an imported network to fit the run ("Model: replaced the output layer: 5 -> 3 classes."), or "". */
    private String modelNotes() {
        return plan == null || plan.modelNotes().isEmpty() ? "" : "Model: " + String.join("; ", plan.modelNotes()) + ".";
    }

    void add(IterationMetrics m) {
        series.add(m);
        lastEpoch = m.epoch();
    }

    void add(EpochMetrics m) {
        series.add(m);
        bestValAccuracy.set(series.bestValAccuracy());
    }

    void on(TrainingEvent e) {
        switch (e.kind()) {
            case PAUSED -> {
                pausedSince = System.nanoTime();
                state.set(RunState.PAUSED);
            }
            case RESUMED -> {
                if (pausedSince != 0) {
                    pausedNanos += System.nanoTime() - pausedSince;
                    pausedSince = 0;
                }
                state.set(RunState.RUNNING);
            }
            case LR_OVERRIDDEN -> {
                overrideLr.set(e.lr());
                marks.add(e);
            }
            case LR_OVERRIDE_CLEARED -> {
                overrideLr.set(Double.NaN);
                marks.add(e);
            }
            case PLATEAU_REDUCTION -> marks.add(e);
            case FINISHED, CANCELLED, DIVERGED, FAILED -> end(e);
            default -> {
            }
        }
    }

    private void end(TrainingEvent e) {
        if (pausedSince != 0) {
            pausedNanos += System.nanoTime() - pausedSince;
            pausedSince = 0;
        }
        RunState s = switch (e.kind()) {
            case FINISHED -> RunState.FINISHED;
            case CANCELLED -> RunState.CANCELLED;
            case DIVERGED -> RunState.DIVERGED;
            default -> RunState.FAILED;
        };
        String notes = modelNotes();
        message.set(endMessage(s, lrwb.app.text.AppWording.of(e.message())) + (notes.isEmpty() ? "" : " " + notes));
        state.set(s);
        if (s == RunState.FINISHED) {
            progress.set(1);
        }
        publish();
    }

    /** How a run ended, as a sentence: "Diverged: the loss became NaN at iteration 40 …", "Finished 10 epochs." */
    static String endMessage(RunState s, String why) {
        String w = why == null || why.isBlank() ? s.label() : why.strip();
        String sentence = w.endsWith(".") ? w : w + ".";
        String verb = switch (s) {
            case FINISHED -> "Finished";
            case CANCELLED -> "Cancelled";
            case DIVERGED -> "Diverged";
            case FAILED -> "Failed";
            case INTERRUPTED -> "Interrupted";
            default -> "";
        };
        if (verb.isEmpty()) {
            return w;
        }
        // The engine often says it already ("finished 10 epochs", "cancelled at …"): say it once.
        return sentence.regionMatches(true, 0, verb, 0, verb.length())
                ? verb + sentence.substring(verb.length())
                : verb + ": " + sentence;
    }

    /**
     * Announces this frame's new points; the progress line and bar follow a few times a second (and at every
     * change of state), which reads as live and spares the table and labels a relayout every frame.
     */
    void publish() {
        revision.set(revision.get() + 1);
        long now = System.nanoTime();
        if (now - lastProgressNanos < PROGRESS_INTERVAL_NANOS && state.get() == progressState) {
            return;
        }
        lastProgressNanos = now;
        progressState = state.get();
        progressText.set(describeProgress());
        if (plan != null && plan.totalIterations() > 0 && state.get() != RunState.FINISHED) {
            progress.set(Math.min(1, series.size() / (double) plan.totalIterations()));
        }
    }

    /** Seconds of training so far, pauses excluded. */
    double activeSeconds() {
        if (startedNanos == 0) {
            return 0;
        }
        long now = pausedSince != 0 ? pausedSince : System.nanoTime();
        return (now - startedNanos - pausedNanos) / 1e9;
    }

    private String describeProgress() {
        if (plan == null) {
            return state.get() == RunState.QUEUED ? "waiting in the queue" : state.get().label();
        }
        long done = series.size();
        long total = plan.totalIterations();
        double elapsed = activeSeconds();
        StringBuilder b = new StringBuilder();
        b.append("Epoch ").append(Math.min(plan.epochs(), lastEpoch + 1)).append('/').append(plan.epochs())
                .append(" · iteration ").append(done).append('/').append(total)
                .append(" · ").append(DurationText.of(elapsed)).append(" elapsed");
        if (state.get().isLive() && done > 0 && done < total) {
            b.append(" · ETA ").append(DurationText.of(elapsed / done * (total - done)));
        }
        double lr = series.lastLr();
        if (Double.isFinite(lr)) {
            b.append(" · lr ").append(NumberLabels.significant(lr, 3));
            if (Double.isFinite(overrideLr.get())) {
                b.append(" (set by hand)");
            }
        }
        return b.toString();
    }

    // ---- reopened from disk ----

    /**
     * What a reopened run did, counted as the live progress line and the engine's messages count (epochs from 1):
     * "Reopened: epoch 74 of 1000 (73 complete) · iteration 5,900 of 80,000 · 3 min", beside "Cancelled at
     * iteration 5900 (epoch 74 of 1000)".
     */
    static String reopenedText(RunState state, int completeEpochs, int plannedEpochs, long iterations, long plannedIterations,
                               double seconds) {
        String took = " · " + DurationText.of(seconds);
        String its = plannedIterations > 0 ? String.format(Locale.ROOT, " · iteration %,d of %,d", iterations, plannedIterations)
                : String.format(Locale.ROOT, " · %,d iterations", iterations);
        if (state == RunState.FINISHED || completeEpochs >= plannedEpochs) {
            return String.format(Locale.ROOT, "Reopened: %d of %d epochs", completeEpochs, plannedEpochs) + its + took;
        }
        return String.format(Locale.ROOT, "Reopened: epoch %d of %d (%d complete)", completeEpochs + 1, plannedEpochs, completeEpochs)
                + its + took;
    }

    void showRecorded(RunState recordedState, String recordedMessage, Path dir, TrainingPlan recordedPlan, double seconds) {
        folder.set(dir);
        plan = recordedPlan;
        lastEpoch = Math.max(0, series.epochs() - 1);
        bestValAccuracy.set(series.bestValAccuracy());
        state.set(recordedState);
        message.set(recordedMessage == null ? "" : recordedMessage);
        progress.set(plan.totalIterations() > 0 ? Math.min(1, series.size() / (double) plan.totalIterations()) : 1);
        revision.set(revision.get() + 1);
        progressText.set(reopenedText(recordedState, series.epochs(), plan.epochs(), series.size(), plan.totalIterations(), seconds));
    }
}
