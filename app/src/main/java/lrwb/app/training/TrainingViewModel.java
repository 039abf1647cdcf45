package lrwb.app.training;

import lrwb.app.files.PngFile;
import lrwb.app.text.ScheduleSummary;
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
import lrwb.app.form.ImagePreview;
import lrwb.app.form.RunSetupForm;
import lrwb.app.form.SetupHandOver;
import lrwb.app.form.TrainingSetSize;
import lrwb.app.text.AppWording;
import lrwb.engine.data.DataOptions;
import lrwb.app.model.ModelPicker;
import lrwb.app.model.ModelText;
import lrwb.engine.run.RunConfig;
import lrwb.app.stream.FrameQueue;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunTarget;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.run.TrainingRecord;
import lrwb.engine.train.TrainingRequest;

import java.awt.image.BufferedImage;
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
 * {@link FrameQueue}, so each run's curves grow once per frame. Run folders are made and read on the injected
 * executor, never on the FX thread. No Node references; every public method is for the FX thread.
 */
public final class TrainingViewModel {
    /** The override slider's range, in decades: 1e-6 .. 10 covers every optimizer's sensible LRs. */
    public static final double OVERRIDE_MIN_EXPONENT = -6;
    public static final double OVERRIDE_MAX_EXPONENT = 1;

    private final WorkbenchHome home;
    private final RunService service;
    private final TaskExecutor executor;
    private final Path runsDir;
    private final TrainingForm form;
    private final ModelPicker modelPicker;
    private final ImagePreview imagePreview;
    /** Reports a run's change of state as a list update, so "is anything queued?" bindings follow. */
    private final ObservableList<TrainingRun> runs = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.stateProperty()});
    private final ObjectProperty<TrainingRun> selected = new SimpleObjectProperty<>();
    private java.util.function.Consumer<java.nio.file.Path> inspector;
    private final ObjectProperty<QueueMode> queueMode = new SimpleObjectProperty<>(QueueMode.ONE_AFTER_ANOTHER);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose data, a model and a schedule, then Train.");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper anyLive = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper recordsChanged = new ReadOnlyLongWrapper();
    private final InputField overrideLr = new InputField("override LR", "0.01");
    private final DoubleProperty overrideExponent = new SimpleDoubleProperty(-2);
    private final FrameQueue<Object> frames = new FrameQueue<>(this::onFrame);
    private final ReadOnlyBooleanWrapper overrideInForce = new ReadOnlyBooleanWrapper(false);
    /** The runs list reports state changes (see its extractor), so this follows every run's state. */
    private final javafx.beans.binding.BooleanBinding canStopAll = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> runs.stream().anyMatch(r -> r.isActive() || r.state() == RunState.QUEUED), runs);
    private final ReadOnlyStringWrapper fitNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fitAction = new ReadOnlyStringWrapper("");
    private final TrainingSetSize trainingSetSize;
    /** The schedule stretched to the planned run, while it does not fit; null when it does. */
    private ScheduleSpec fitted;
    private long fitGeneration;
    private boolean queueRunning;
    private boolean syncingOverride;
    /** The user typed or dragged an LR of their own: the field stops following the run's LR until it is applied. */
    private boolean overrideEdited;
    private int nextNumber = 1;

    /** Messages from the jobs' threads, handed over per frame. */
    /** Carries the handle too: the controls work from the first update, whichever message comes first. */
    private record Started(TrainingRun run, TrainingPlan plan, RunHandle handle) {
    }

    private record Iteration(TrainingRun run, IterationMetrics metrics) {
    }

    private record Epoch(TrainingRun run, EpochMetrics metrics) {
    }

    private record Event(TrainingRun run, TrainingEvent event) {
    }

    private record Launched(TrainingRun run, RunHandle handle) {
    }

    /** The service refused the run, or its folder could not be made: nothing ran. */
    private record NotLaunched(TrainingRun run, String message, RunRefusedException.Field field) {
        NotLaunched(TrainingRun run, String message) {
            this(run, message, RunRefusedException.Field.OTHER);
        }
    }

    /**
     * @param service  starts every training run and records it
     * @param executor where runs are prepared and run folders read; results are shown when they arrive
     */
    public TrainingViewModel(WorkbenchHome home, RunService service, TaskExecutor executor) {
        this.home = home;
        this.service = service;
        this.executor = executor;
        this.runsDir = home.runs();
        this.form = new TrainingForm(new ScheduleLibrary(home));
        this.modelPicker = new ModelPicker(form.setup(), runsDir, executor, service.dataCache());
        this.imagePreview = new ImagePreview(form.setup(), executor, service.dataCache());
        // The slider (decades) and the field (a number) show the same LR; each follows the other.
        overrideExponent.addListener((o, was, now) -> {
            if (!syncingOverride) {
                overrideEdited = true;
                syncingOverride = true;
                overrideLr.textProperty().set(NumberLabels.significant(Math.pow(10, now.doubleValue()), 3));
                syncingOverride = false;
            }
        });
        overrideLr.textProperty().addListener((o, was, now) -> {
            if (!syncingOverride) {
                overrideEdited = true;
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
        selected.addListener((o, was, now) -> {
            overrideEdited = false;
            followLr(now);
            overrideInForce.set(now != null && Double.isFinite(now.overrideLrProperty().get()));
        });
        form.schedule().reloadLibrary();
        trainingSetSize = new TrainingSetSize(executor, service.dataCache());
        RunSetupForm s = form.setup();
        trainingSetSize.watchBatch(s);
        ScheduleChoice c = form.schedule();
        // Change listeners, after the field's own (which clears its message on typing), so a batch found too large stays marked.
        for (javafx.beans.value.ObservableValue<?> input : List.of(s.dataset().textProperty(), s.valSplit().textProperty(),
                s.seed().textProperty(), s.batch().textProperty(), form.epochs().textProperty(), c.sourceProperty(), c.givenProperty(),
                c.savedName().textProperty())) {
            input.addListener((o, was, now) -> checkFit());
        }
    }

    /** The form's checks that read the data (its size) wait for the engine's start-up, not to slow the window's. */
    public void holdDataChecksUntil(java.util.concurrent.CompletionStage<?> engineReady) {
        trainingSetSize.waitFor(engineReady);
    }

    /**
     * Puts the override slider and field at the run's current LR, the natural place to start from; they follow the
     * run as its LR changes until the user types or drags a value of their own.
     */
    private void followLr(TrainingRun run) {
        double lr = run == null ? Double.NaN : run.series().lastLr();
        if (Double.isFinite(lr) && lr > 0 && !overrideEdited) {
            syncingOverride = true;
            overrideExponent.set(Math.max(OVERRIDE_MIN_EXPONENT, Math.min(OVERRIDE_MAX_EXPONENT, Math.log10(lr))));
            overrideLr.textProperty().set(NumberLabels.significant(lr, 3));
            syncingOverride = false;
        }
    }

    public TrainingForm form() {
        return form;
    }

    /** The model field's picker: presets, model files, saved networks of past runs, the layer editor. */
    public ImagePreview imagePreview() {
        return imagePreview;
    }

    public ModelPicker modelPicker() {
        return modelPicker;
    }

    /**
     * "Continue training" (Runs): the form takes a training run's data, optimizer, batch size, seed, epochs and
     * schedule, and the network it saved ({@code run:DIR}), weights and updater state included.
     */
    public void continueFrom(RunConfig config, Path runDir) {
        form.setup().fill(config.data(), ModelText.forRun(runDir), config.optimizer().shortName(), config.batchSize());
        if (config.training() != null) {
            form.epochs().textProperty().set(String.valueOf(config.training().epochs()));
            form.schedule().use(config.training().schedule());
        }
        say("Set to continue " + runDir.getFileName() + " from its saved network: press Train.", false);
    }

    /** Every run of this session, in queue order. */
    public ObservableList<TrainingRun> runs() {
        return runs;
    }

    /** Where "Inspect…" opens a run's folder (the shell wires it). */
    public void setInspector(java.util.function.Consumer<java.nio.file.Path> inspector) {
        this.inspector = inspector;
    }

    /**
     * The handle of the run training into {@code dir} in this window, if one does: Inspect follows it live.
     * FX thread.
     */
    public RunHandle liveHandle(java.nio.file.Path dir) {
        for (TrainingRun r : runs) {
            if (r.isActive() && r.handle() != null && dir.equals(r.folder())) {
                return r.handle();
            }
        }
        return null;
    }

    /** Opens the selected run's saved network in Inspect; says why not when the run has no folder yet. */
    public void inspectSelected() {
        TrainingRun run = selected.get();
        if (run == null || run.folder() == null || inspector == null) {
            say(run == null ? "Select a run to inspect" : run.title() + " has no folder yet: it is still starting or queued", true);
            return;
        }
        inspector.accept(run.folder());
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

    /** How many runs are loading, running or paused now. */
    public int liveRunCount() {
        return (int) runs.stream().filter(TrainingRun::isActive).count();
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

    /** Whether the selected run's LR is set by hand now, so "Back to schedule" has something to undo. */
    public ReadOnlyBooleanProperty overrideInForceProperty() {
        return overrideInForce.getReadOnlyProperty();
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

    /**
     * "Train with this" and "Train at the valley LR" from the LR Finder: the range test's data, network, optimizer,
     * batch size and seed go into the form with the schedule (visible there, and editable), so the schedule is
     * trained on what it was found for. Without a known setup only the schedule changes.
     */
    public void useFromFinder(SetupHandOver setup, ScheduleSpec spec) {
        if (setup != null) {
            setup.fillInto(form.setup());
        }
        form.schedule().use(spec);
        say("From the LR Finder: " + ScheduleSummary.of(spec) + (setup == null ? "" : " on " + setup.describe())
                + ". Check the form, then press Train.", false);
    }

    /** The form's epochs, or {@code fallback} while the field holds no valid number. */
    public int plannedEpochs(int fallback) {
        try {
            long e = Long.parseLong(form.epochs().text());
            return e >= 1 && e <= TrainingForm.MAX_EPOCHS ? (int) e : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- does the schedule fit the run? ----

    /** One line when the schedule's own length differs from the run's ("This oneCycle schedule lasts …"), else "". */
    public ReadOnlyStringProperty fitNoteProperty() {
        return fitNote.getReadOnlyProperty();
    }

    /** The words of the button that stretches the schedule to the run: "Fit to this run (80 iterations)". */
    public ReadOnlyStringProperty fitActionProperty() {
        return fitAction.getReadOnlyProperty();
    }

    /** Stretches the schedule to the planned run (fastai's fit_one_cycle); false when there is nothing to fit. */
    public boolean fitToRun() {
        if (fitted == null) {
            return false;
        }
        ScheduleSpec spec = fitted;
        form.schedule().use(spec);
        say("Schedule stretched to the run: " + ScheduleSummary.of(spec) + ".", false);
        checkFit();
        return true;
    }

    /**
     * Compares the schedule's length with the run's once the size of the training set is known (read off the FX
     * thread, once per dataset), and flags a batch larger than the training set at its field.
     */
    private void checkFit() {
        long generation = ++fitGeneration;
        fitNote.set("");
        fitAction.set("");
        fitted = null;
        RunSetupForm s = form.setup();
        DataOptions data;
        long batch;
        try {
            data = s.dataOptions();
            batch = Long.parseLong(s.batch().text());
        } catch (RuntimeException e) {
            return; // the field says what is wrong when the form is read
        }
        if (batch < 1) {
            return;
        }
        int epochs = plannedEpochs(-1);
        ScheduleChoice choice = form.schedule();
        ScheduleSource source = choice.sourceProperty().get();
        String savedName = choice.savedName().text();
        trainingSetSize.of(data).thenCombine(source == ScheduleSource.LIBRARY
                ? executor.supply(() -> choice.savedQuietly(savedName))
                : CompletableFuture.completedFuture(source == ScheduleSource.GIVEN ? choice.givenProperty().get() : null),
                (size, spec) -> {
                    if (generation != fitGeneration || size.isEmpty()) {
                        return null;
                    }
                    if (TrainingSetSize.batchTooLarge(batch, size.getAsInt(), data.source()) != null) {
                        return null; // marked at the batch field (watchBatch)
                    }
                    int stepsPerEpoch = (int) ((size.getAsInt() + batch - 1) / batch);
                    if (spec == null || epochs < 1) {
                        return null;
                    }
                    ScheduleFit.mismatch(spec, epochs, stepsPerEpoch).ifPresent(note -> {
                        fitNote.set(note);
                        fitAction.set(ScheduleFit.fitLabel(spec, epochs, stepsPerEpoch));
                        fitted = ScheduleFit.stretched(spec, epochs, stepsPerEpoch);
                    });
                    return null;
                });
    }

    // ---- queue ----

    /** Validates the form and adds a run to the queue; null (with messages at the fields) when invalid. */
    public TrainingRun addToQueue() {
        FormErrors errors = new FormErrors();
        form.schedule().reloadLibrary();
        TrainingRequest request = form.read(errors);
        if (request != null && form.setup().batch().hasError()) { // too large for the training set (found by checkFit)
            errors.add(form.setup().batch(), form.setup().batch().error());
            request = null;
        }
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
        run.launching();
        frames.start();
        say("Training " + run.title() + "…", false);
        // The service loads the data and builds the network before it returns: not on the FX thread.
        executor.execute(() -> {
            try {
                RunHandle handle = service.startTraining(request, RunTarget.newFolderIn(runsDir), forwardingTo(run));
                if (run.isCancelRequested()) {
                    handle.cancel(); // stopped (or the window closed) while its data loaded
                }
                frames.offer(new Launched(run, handle));
            } catch (RunRefusedException e) {
                frames.offer(new NotLaunched(run, AppWording.of(e.getMessage()), e.field()));
            } catch (IOException e) {
                frames.offer(new NotLaunched(run, "cannot write the run record under " + runsDir + ": " + e.getMessage()));
            } catch (Throwable e) { // whatever it is, the run must leave the queue, or the queue stays stuck
                frames.offer(new NotLaunched(run, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    /** The job's thread: everything goes through the frame queue, nothing touches the FX state here. */
    RunListener forwardingTo(TrainingRun run) {
        return new RunListener() {
            @Override
            public void onStarted(RunStart start) {
                frames.offer(new Started(run, new TrainingPlan(start.datasetName(), start.trainSize(), start.validationSize(),
                        start.stepsPerEpoch(), start.plannedEpochs(), start.modelNotes()), start.handle()));
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
        for (Object m : batch) {
            if (m instanceof Iteration i) {
                i.run().add(i.metrics());
                touched.add(i.run());
            } else if (m instanceof Epoch e) {
                e.run().add(e.metrics());
                touched.add(e.run());
            } else if (m instanceof Started s) {
                if (s.handle() != null) {
                    s.run().launched(s.handle());
                }
                s.run().started(s.plan());
                touched.add(s.run());
            } else if (m instanceof Launched l) {
                l.run().launched(l.handle());
                recordsChanged.set(recordsChanged.get() + 1); // its folder exists: Runs lists it at once
            } else if (m instanceof NotLaunched n) {
                n.run().on(new TrainingEvent(TrainingEvent.Kind.FAILED, 0, 0, Double.NaN, n.message()));
                touched.add(n.run());
                ended = true;
                say(n.run().title() + " could not start: " + n.message(), true);
                markField(n.field(), n.message());
            } else if (m instanceof Event e) {
                e.run().on(e.event());
                touched.add(e.run());
                if (e.run() == shown) {
                    sayWhatHappened(e.run(), e.event()); // "Pausing #2 …" becomes "#2 paused …" once it has
                }
                if (e.event().kind().isTerminal()) {
                    ended = true;
                    reportEnd(e.run());
                }
            }
        }
        for (TrainingRun r : touched) {
            r.publish();
        }
        if (shown != null && touched.contains(shown)) {
            followLr(shown); // the Set LR box shows the LR in use, unless the user is entering one
            overrideInForce.set(Double.isFinite(shown.overrideLrProperty().get()));
        }
        if (ended) {
            recordsChanged.set(recordsChanged.get() + 1);
            launchWaiting();
            anyLive.set(runs.stream().anyMatch(TrainingRun::isActive)); // also when the queue is on hold
            if (!anyLive.get()) {
                frames.stop();
            }
        }
    }

    /** The status line follows a pause, a resume or an LR change of the selected run as it happens. */
    private void sayWhatHappened(TrainingRun run, TrainingEvent e) {
        String at = " at iteration " + e.iteration() + " (epoch " + (e.epoch() + 1) + ")";
        switch (e.kind()) {
            case PAUSED -> say(run.title() + " paused" + at + ": Resume to go on.", false);
            case RESUMED -> say(run.title() + " resumed" + at + ".", false);
            case LR_OVERRIDDEN -> say(run.title() + ": learning rate set by hand to " + NumberLabels.significant(e.lr(), 3) + at
                    + (isPlateau(run) ? "; the plateau makes no reductions until Back to schedule." : "."), false);
            case LR_OVERRIDE_CLEARED -> say(run.title() + ": back to the schedule" + at + ".", false);
            default -> {
            }
        }
    }

    /** A refusal about one input is shown next to that field too, as a form error would be. */
    private void markField(RunRefusedException.Field field, String message) {
        RunSetupForm s = form.setup();
        switch (field) {
            case DATA -> s.dataError(message);
            case MODEL -> s.model().setError(message);
            case OPTIMIZER -> s.optimizer().setError(message);
            case BATCH_SIZE -> s.batch().setError(message);
            default -> {
            }
        }
    }

    private void reportEnd(TrainingRun run) {
        say(run.title() + ": " + run.message(), run.state().isProblem());
    }

    /** The selected run's handle, if it can still be steered. */
    private RunHandle liveJob() {
        TrainingRun run = selected.get();
        return run != null && run.isActive() ? run.handle() : null;
    }

    public boolean canControl() {
        return liveJob() != null;
    }

    public void pause() {
        RunHandle job = liveJob();
        if (job != null) {
            job.pause();
            say("Pausing " + selected.get().title() + " before its next update…", false);
        }
    }

    public void resume() {
        RunHandle job = liveJob();
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
        if (run.isActive()) {
            run.cancel(); // also while its data loads: it is cancelled as soon as it has started
            say("Stopping " + run.title() + "; what it recorded is kept.", false);
        }
    }

    /** Stops every live run and takes the queued ones out of the queue: nothing more runs until you start it. */
    public void stopAll() {
        queueRunning = false;
        int stopped = 0;
        List<TrainingRun> queued = runs.stream().filter(r -> r.state() == RunState.QUEUED).toList();
        for (TrainingRun r : runs) {
            if (r.isActive()) {
                r.cancel();
                stopped++;
            }
        }
        runs.removeAll(queued);
        if (selected.get() != null && queued.contains(selected.get())) {
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
        say("Stopping " + stopped + (stopped == 1 ? " run" : " runs") + (queued.isEmpty() ? "" : " and took " + queued.size()
                + " queued " + (queued.size() == 1 ? "run" : "runs") + " out of the queue") + "; what they recorded is kept.", false);
    }

    /** Whether "Stop all" has anything to do: a run loading, running or paused, or one waiting in the queue. */
    public javafx.beans.binding.BooleanBinding canStopAllProperty() {
        return canStopAll;
    }

    /**
     * Closing the window: stops every live run and holds the queue, then waits off the FX thread, at most
     * {@code timeout}, until their records are complete, so they end as cancelled with every update so far on
     * disk, not interrupted mid-line.
     *
     * @return completes on the FX thread once every record is complete or the time is up
     */
    public CompletableFuture<Void> shutdown(java.time.Duration timeout) {
        queueRunning = false;
        List<CompletableFuture<?>> ends = new ArrayList<>();
        for (TrainingRun r : runs) {
            if (r.isActive()) {
                r.cancel();
                if (r.handle() != null) {
                    ends.add(r.handle().ended());
                }
            }
        }
        if (ends.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new));
        return executor.supply(() -> {
            try {
                all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a job that does not stop in time is recorded as interrupted, as after a crash: nothing more to do
            }
            return null;
        });
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
        RunHandle job = liveJob();
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
        overrideEdited = false; // applied: from now on the box shows the LR in use again
        say(selected.get().title() + ": learning rate set to " + NumberLabels.significant(lr, 3) + " by hand from the next update"
                + (isPlateau(selected.get()) ? "; the plateau makes no reductions until Back to schedule, then goes on from its own LR."
                : "."), false);
        return true;
    }

    private static boolean isPlateau(TrainingRun run) {
        return run.request() != null && run.request().schedule() instanceof lrwb.engine.schedule.PlateauSchedule;
    }

    /** Hands the selected run's LR back to its schedule. */
    public void clearOverride() {
        RunHandle job = liveJob();
        if (job != null) {
            job.clearLrOverride();
            say(selected.get().title() + ": back to the schedule from the next update.", false);
        }
    }

    // ---- reopening ----

    /** Reads a past training run from its folder (off the FX thread) and adds its charts; a run already here is selected. */
    public CompletableFuture<TrainingRun> reopen(Path dir) {
        return reopen(dir, null);
    }

    /**
     * {@link #reopen(Path)} in the colour the run already has elsewhere (the Runs comparison), when no run here has
     * that colour yet.
     */
    public CompletableFuture<TrainingRun> reopen(Path dir, Color preferred) {
        for (TrainingRun r : runs) {
            if (dir.equals(r.folder())) {
                selected.set(r);
                return CompletableFuture.completedFuture(r);
            }
        }
        return executor.supply(() -> TrainingRecord.read(dir)).handle((record, error) -> {
            if (error != null) {
                say("Cannot reopen " + dir.getFileName() + ": " + TaskExecutor.cause(error).getMessage(), true);
                return null;
            }
            Color color = preferred != null && runs.stream().noneMatch(r -> r.color().equals(preferred)) ? preferred : nextColor();
            TrainingRun run = RecordedRun.toRun(record, dir, nextNumber++, color);
            runs.add(run);
            selected.set(run);
            say("Reopened " + run.title() + " (" + run.state().label() + ").", false);
            return run;
        });
    }

    // ---- the same run in the Runs workspace ----

    /** The colour this workspace draws the run of {@code dir} in, or null when it does not show it. */
    public Color colorOf(Path dir) {
        return runs.stream().filter(r -> dir.equals(r.folder())).map(TrainingRun::color).findFirst().orElse(null);
    }

    /** A run folder deleted in the Runs workspace: its ended run leaves this table and the charts too. */
    public void forget(Path dir) {
        for (TrainingRun r : List.copyOf(runs)) {
            if (dir.equals(r.folder()) && !r.isActive()) {
                remove(r);
            }
        }
    }

    /** A run renamed in the Runs workspace shows its new name here too. */
    public void renamed(Path dir, String name) {
        runs.stream().filter(r -> dir.equals(r.folder())).forEach(r -> r.rename(name));
    }

    /** Where a chart export goes unless the user picks another place: {@code exports/} in the workbench home. */
    public Path suggestedExportFile(String extension) {
        String stamp = LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return home.root().resolve("exports").resolve("training-" + stamp + "." + extension);
    }

    /** Writes a chart image taken on the FX thread to {@code file}, off the FX thread, and says how it went. */
    public CompletableFuture<Void> exportPng(BufferedImage image, Path file) {
        return PngFile.write(executor, image, file).thenAccept(failure -> reportExport(file, failure));
    }

    /** How a PNG export went: reports the outcome of a PNG export. */
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
