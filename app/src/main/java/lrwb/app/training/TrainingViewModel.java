package lrwb.app.training;

import lrwb.app.text.ScheduleSummary;
import lrwb.engine.runtime.EngineContext;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import lrwb.app.chart.CurveColors;
import lrwb.app.chart.NumberLabels;
import lrwb.app.files.ScheduleLibrary;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.app.stream.BackgroundWork;
import lrwb.app.stream.FrameQueue;
import lrwb.engine.run.RunFolder;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRecord;
import lrwb.engine.train.TrainingRecorder;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Training workspace's state: the form, the runs of this session (queued, live, ended or reopened) each
 * in its own colour, the selected run that the controls act on, and the manual LR override. Jobs run on their
 * own threads and record themselves to run folders; their metrics reach the FX thread through one
 * {@link FrameQueue}, so each run's curves grow once per frame. No Node references.
 */
public final class TrainingViewModel {
    /** The override slider's range, in decades: 1e-6 .. 10 covers every optimizer's sensible LRs. */
    public static final double OVERRIDE_MIN_EXPONENT = -6;
    public static final double OVERRIDE_MAX_EXPONENT = 1;

    private final WorkbenchHome home;
    private final Path runsDir;
    private final EngineContext engine;
    private final TrainingForm form;
    /** Reports a run's change of state as a list update, so "is anything queued?" bindings follow. */
    private final ObservableList<TrainingRun> runs = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.stateProperty()});
    private final ObjectProperty<TrainingRun> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueMode> queueMode = new SimpleObjectProperty<>(QueueMode.ONE_AFTER_ANOTHER);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose data, a model and a schedule, then Train.");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper anyLive = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper recordsChanged = new ReadOnlyLongWrapper();
    private final InputField overrideLr = new InputField("override LR", "0.01");
    private final DoubleProperty overrideExponent = new SimpleDoubleProperty(-2);
    private final FrameQueue<Object> frames = new FrameQueue<>(this::onFrame);
    private boolean queueRunning;
    private boolean syncingOverride;
    private int nextNumber = 1;

    /** Messages from the jobs' threads, handed over per frame. */
    private record Started(TrainingRun run, TrainingPlan plan) {
    }

    private record Iteration(TrainingRun run, IterationMetrics metrics) {
    }

    private record Epoch(TrainingRun run, EpochMetrics metrics) {
    }

    private record Event(TrainingRun run, TrainingEvent event) {
    }

    /** @param engine the engine context training jobs run on (the app's one; it stays the caller's to close) */
    public TrainingViewModel(WorkbenchHome home, EngineContext engine) {
        this.home = home;
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.runsDir = home.runs();
        this.form = new TrainingForm(new ScheduleLibrary(home));
        // The slider (decades) and the field (a number) show the same LR; each follows the other.
        overrideExponent.addListener((o, was, now) -> {
            if (!syncingOverride) {
                syncingOverride = true;
                overrideLr.textProperty().set(NumberLabels.significant(Math.pow(10, now.doubleValue()), 3));
                syncingOverride = false;
            }
        });
        overrideLr.textProperty().addListener((o, was, now) -> {
            if (!syncingOverride) {
                try {
                    double v = Double.parseDouble(now.strip());
                    if (v > 0 && Double.isFinite(v)) {
                        syncingOverride = true;
                        overrideExponent.set(Math.max(OVERRIDE_MIN_EXPONENT, Math.min(OVERRIDE_MAX_EXPONENT, Math.log10(v))));
                        syncingOverride = false;
                    }
                } catch (NumberFormatException e) {
                    // not a number yet: the slider stays; applying reports the error at the field
                }
            }
        });
        selected.addListener((o, was, now) -> followLr(now));
        form.schedule().reloadLibrary();
    }

    /** Puts the override slider and field at the run's current LR, the natural place to start from. */
    private void followLr(TrainingRun run) {
        double lr = run == null ? Double.NaN : run.series().lastLr();
        if (Double.isFinite(lr) && lr > 0) {
            overrideExponent.set(Math.max(OVERRIDE_MIN_EXPONENT, Math.min(OVERRIDE_MAX_EXPONENT, Math.log10(lr))));
            overrideLr.textProperty().set(NumberLabels.significant(lr, 3));
        }
    }

    public TrainingForm form() {
        return form;
    }

    /** Every run of this session, in queue order. */
    public ObservableList<TrainingRun> runs() {
        return runs;
    }

    /** The run the progress line and the controls (pause, resume, stop, override) are about. */
    public ObjectProperty<TrainingRun> selectedProperty() {
        return selected;
    }

    public ObjectProperty<QueueMode> queueModeProperty() {
        return queueMode;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** Whether any job is loading, running or paused. */
    public ReadOnlyBooleanProperty anyLiveProperty() {
        return anyLive.getReadOnlyProperty();
    }

    /** Goes up when a run folder is created or a run ends: the Runs workspace re-reads the disk on it. */
    public ReadOnlyLongProperty recordsChangedProperty() {
        return recordsChanged.getReadOnlyProperty();
    }

    public InputField overrideLr() {
        return overrideLr;
    }

    /** log10 of the override LR, for a log-scale slider. */
    public DoubleProperty overrideExponentProperty() {
        return overrideExponent;
    }

    // ---- the hook for "Train with this" ----

    /**
     * Fills the schedule in from another workspace (the Designer's or the LR Finder's "Train with this"); the
     * rest of the form stays as it is, so the same data and model can be run under several schedules.
     */
    public void useSchedule(ScheduleSpec spec) {
        form.schedule().use(spec);
        say("Schedule " + ScheduleSummary.of(spec) + " is set: press Train, or Add to queue to compare it with others.", false);
    }

    // ---- queue ----

    /** Validates the form and adds a run to the queue; null (with messages at the fields) when invalid. */
    public TrainingRun addToQueue() {
        FormErrors errors = new FormErrors();
        form.schedule().reloadLibrary();
        TrainingRequest request = form.read(errors);
        if (request == null) {
            say("Check the marked field: " + errors.first(), true);
            return null;
        }
        TrainingRun run = new TrainingRun(nextNumber++, request.name(), request, nextColor());
        runs.add(run);
        if (selected.get() == null || !selected.get().isActive()) {
            selected.set(run);
        }
        say("Queued " + run.title() + ".", false);
        return run;
    }

    /** Adds the form's run to the queue and starts the queue. */
    public TrainingRun train() {
        TrainingRun run = addToQueue();
        if (run != null) {
            selected.set(run);
            startQueue();
        }
        return run;
    }

    /** Starts the queued runs: the next one, or all of them side by side. */
    public void startQueue() {
        queueRunning = true;
        launchWaiting();
    }

    private void launchWaiting() {
        if (!queueRunning) {
            return;
        }
        for (TrainingRun r : List.copyOf(runs)) {
            if (r.state() != RunState.QUEUED) {
                continue;
            }
            if (queueMode.get() == QueueMode.ONE_AFTER_ANOTHER && runs.stream().anyMatch(TrainingRun::isActive)) {
                break;
            }
            launch(r);
        }
        boolean waiting = runs.stream().anyMatch(r -> r.state() == RunState.QUEUED);
        boolean live = runs.stream().anyMatch(TrainingRun::isActive);
        anyLive.set(live);
        if (!waiting && !live) {
            queueRunning = false;
        }
    }

    private void launch(TrainingRun run) {
        TrainingRequest request = run.request();
        try {
            // A few small files: quick enough for the FX thread, and the Runs list shows the run at once.
            Path dir = RunFolder.create(runsDir, "training", request.name(), LocalDateTime.now());
            TrainingRecorder recorder = new TrainingRecorder(dir, request);
            TrainingJob job = new TrainingJob(request, engine).addListener(recorder).addListener(forwardingTo(run));
            run.launched(job, dir);
            frames.start();
            job.start();
            say("Training " + run.title() + "…", false);
        } catch (IOException | RuntimeException e) {
            run.on(new TrainingEvent(TrainingEvent.Kind.FAILED, 0, 0, Double.NaN,
                    "cannot write the run record under " + runsDir + ": " + e.getMessage()));
            say(run.title() + " could not start: " + e.getMessage(), true);
        }
        recordsChanged.set(recordsChanged.get() + 1);
    }

    /** The job's thread: everything goes through the frame queue, nothing touches the FX state here. */
    TrainingListener forwardingTo(TrainingRun run) {
        return new TrainingListener() {
            @Override
            public void onStarted(TrainingPlan plan) {
                frames.offer(new Started(run, plan));
            }

            @Override
            public void onIteration(IterationMetrics m) {
                frames.offer(new Iteration(run, m));
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                frames.offer(new Epoch(run, m));
            }

            @Override
            public void onEvent(TrainingEvent e) {
                frames.offer(new Event(run, e));
            }
        };
    }

    /** FX thread: one frame's worth of messages from every job. */
    private void onFrame(List<Object> batch) {
        Set<TrainingRun> touched = new LinkedHashSet<>();
        boolean ended = false;
        TrainingRun shown = selected.get();
        boolean shownHadNoLr = shown != null && !Double.isFinite(shown.series().lastLr());
        for (Object m : batch) {
            if (m instanceof Iteration i) {
                i.run().add(i.metrics());
                touched.add(i.run());
            } else if (m instanceof Epoch e) {
                e.run().add(e.metrics());
                touched.add(e.run());
            } else if (m instanceof Started s) {
                s.run().started(s.plan());
                touched.add(s.run());
            } else if (m instanceof Event e) {
                e.run().on(e.event());
                touched.add(e.run());
                if (e.event().kind().isTerminal()) {
                    ended = true;
                    reportEnd(e.run());
                }
            }
        }
        for (TrainingRun r : touched) {
            r.publish();
        }
        if (shownHadNoLr && touched.contains(shown)) {
            followLr(shown); // its first updates: the override slider starts at the LR in use
        }
        if (ended) {
            recordsChanged.set(recordsChanged.get() + 1);
            launchWaiting();
            if (!anyLive.get()) {
                frames.stop();
            }
        }
    }

    private void reportEnd(TrainingRun run) {
        say(run.title() + ": " + run.message(), run.state().isProblem());
    }

    /** The selected run's job, if it can still be steered. */
    private TrainingJob liveJob() {
        TrainingRun run = selected.get();
        return run != null && run.isActive() ? run.job() : null;
    }

    public boolean canControl() {
        return liveJob() != null;
    }

    public void pause() {
        TrainingJob job = liveJob();
        if (job != null) {
            job.pause();
            say("Pausing " + selected.get().title() + " before its next update…", false);
        }
    }

    public void resume() {
        TrainingJob job = liveJob();
        if (job != null) {
            job.resume();
            say("Resumed " + selected.get().title() + ".", false);
        }
    }

    /** Stops the selected run (its record so far is kept); a queued run is taken out of the queue instead. */
    public void stop() {
        TrainingRun run = selected.get();
        if (run == null) {
            return;
        }
        if (run.state() == RunState.QUEUED) {
            runs.remove(run);
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
            say("Took " + run.title() + " out of the queue.", false);
            return;
        }
        TrainingJob job = liveJob();
        if (job != null) {
            job.cancel();
            say("Stopping " + run.title() + "; what it recorded is kept.", false);
        }
    }

    /** Stops every live run and holds the queue (queued runs stay, for a later Start). */
    public void stopAll() {
        queueRunning = false;
        for (TrainingRun r : runs) {
            if (r.isActive()) {
                r.job().cancel();
            }
        }
        say("Stopping every run; the queue is on hold.", false);
    }

    /**
     * Stops every live run and waits, at most {@code timeout}, until their records are complete: closing the
     * window then leaves runs marked cancelled with every update so far on disk, not interrupted mid-line.
     */
    public void shutdown(java.time.Duration timeout) {
        queueRunning = false;
        List<CompletableFuture<TrainingEvent>> ends = new ArrayList<>();
        for (TrainingRun r : runs) {
            if (r.isActive()) {
                r.job().cancel();
                ends.add(r.job().ended());
            }
        }
        try {
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a job that does not stop in time is recorded as interrupted, as after a crash: nothing more to do
        }
    }

    /** Takes an ended or queued run off the charts (its record on disk stays). */
    public void remove(TrainingRun run) {
        if (run == null || run.isActive()) {
            return;
        }
        runs.remove(run);
        if (selected.get() == run) {
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
    }

    // ---- manual LR ----

    /** Sets the selected run's LR by hand from its next update on; false with a message at the field when it cannot. */
    public boolean applyOverride() {
        TrainingJob job = liveJob();
        if (job == null) {
            overrideLr.setError("select a running run to set its learning rate");
            return false;
        }
        FormErrors errors = new FormErrors();
        double lr = overrideLr.number(errors);
        if (!errors.isEmpty()) {
            return false;
        }
        if (!(lr > 0)) {
            overrideLr.setError("override LR must be > 0 (got " + overrideLr.text() + ")");
            return false;
        }
        try {
            job.overrideLr(lr);
        } catch (IllegalArgumentException | IllegalStateException e) {
            overrideLr.setError(e.getMessage());
            return false;
        }
        say(selected.get().title() + ": learning rate set to " + NumberLabels.significant(lr, 3) + " by hand from the next update.", false);
        return true;
    }

    /** Hands the selected run's LR back to its schedule. */
    public void clearOverride() {
        TrainingJob job = liveJob();
        if (job != null) {
            job.clearLrOverride();
            say(selected.get().title() + ": back to the schedule from the next update.", false);
        }
    }

    // ---- reopening ----

    /** Reads a past training run from its folder (off the FX thread) and adds its charts; a run already here is selected. */
    public CompletableFuture<TrainingRun> reopen(Path dir) {
        for (TrainingRun r : runs) {
            if (dir.equals(r.folder())) {
                selected.set(r);
                return CompletableFuture.completedFuture(r);
            }
        }
        return BackgroundWork.supply(() -> TrainingRecord.read(dir)).handle((record, error) -> {
            if (error != null) {
                say("Cannot reopen " + dir.getFileName() + ": " + BackgroundWork.cause(error).getMessage(), true);
                return null;
            }
            TrainingRun run = RecordedRun.toRun(record, dir, nextNumber++, nextColor());
            runs.add(run);
            selected.set(run);
            say("Reopened " + run.title() + " (" + run.state().label() + ").", false);
            return run;
        });
    }

    /** Where a chart export goes unless the user picks another place: {@code exports/} in the workbench home. */
    public Path suggestedExportFile(String extension) {
        String stamp = LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return home.root().resolve("exports").resolve("training-" + stamp + "." + extension);
    }

    /** For the view, which writes the image: reports the outcome of a PNG export. */
    public void reportExport(Path file, IOException failure) {
        say(failure == null ? "Exported the charts to " + file : "Charts not written to " + file + ": " + failure.getMessage(),
                failure != null);
    }

    private Color nextColor() {
        return CurveColors.next(runs.stream().map(TrainingRun::color).toList());
    }

    private void say(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    /** FX thread (tests, measurements): hands over what the jobs have queued so far. */
    void drainFrames() {
        frames.drain();
    }
}
