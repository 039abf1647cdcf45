package lrwb.app.finder;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.files.PngFile;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.app.form.RunSetup;
import lrwb.app.form.ImagePreview;
import lrwb.app.form.RunSetupForm;
import lrwb.app.form.SetupHandOver;
import lrwb.app.chart.NumberLabels;
import lrwb.app.model.ModelPicker;
import lrwb.app.model.ModelText;
import lrwb.engine.run.RunConfig;
import lrwb.app.stream.FrameQueue;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.run.RangeTestRecord;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunTarget;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.Suggestions;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.finder.LossSource;
import lrwb.engine.finder.WeightDecayGroup;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.Unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The LR Finder workspace's state: the test's inputs, the live run and the runs overlaid with it, the
 * suggestions, and the two draggable cyclic bounds. The test runs on the injected executor; its points reach
 * the FX thread a frame at a time through one {@link FrameQueue}. Past runs are read and exports written on the
 * executor too. No Node references; every public method is for the FX thread.
 */
public final class FinderViewModel {
    /** Smith: a half cycle of 2 to 10 epochs' worth of iterations; 4 is a common middle. */
    static final int CYCLIC_HALF_CYCLE_EPOCHS = 4;
    public static final int ONE_CYCLE_EPOCHS = 10;
    /** Bounds closer than this (upper / lower) make a cycle that hardly changes the LR. */
    static final double MIN_BOUNDS_RATIO = 1.5;

    private final RunSetupForm setup = new RunSetupForm(false);
    private final ModelPicker modelPicker;
    private final ImagePreview imagePreview;
    private final InputField startLr = new InputField("start LR", "1e-7");
    private final InputField endLr = new InputField("end LR", "10");
    private final InputField iterations = new InputField("iterations", "100");
    private final InputField beta = new InputField("smoothing", "0.98");
    private final InputField divergeFactor = new InputField("divergence factor", "4");
    private final ObjectProperty<SweepMode> mode = new SimpleObjectProperty<>(SweepMode.EXP);
    private final ObjectProperty<LossSource> lossSource = new SimpleObjectProperty<>(LossSource.TRAIN);
    /** Blank: one test at the optimizer's wd; a list: one test per weight decay, overlaid ({@link WeightDecayGroup}). */
    private final InputField weightDecays = new InputField("weight decays", "");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose data and a model, then Find LR.");
    private final ObservableList<FinderRun> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FinderRun> current = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty lowerBound = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty upperBound = new SimpleDoubleProperty(Double.NaN);

    private final RunService service;
    private final Path runsDir;
    private final TaskExecutor executor;
    private final FrameQueue<Object> frames = new FrameQueue<>(this::onFrame);
    private volatile boolean cancelRequested;
    /** The live test's handle once the service has started it; null before and after. */
    private volatile RunHandle handle;
    /** Completes when the last test has ended (its record is complete) or was refused. */
    private CompletableFuture<Void> testEnded = CompletableFuture.completedFuture(null);
    private int plannedIterations;
    private double bestSmoothed;
    private Consumer<ScheduleSpec> designerSink = spec -> { };
    /** How the current run ended ("Finished 300 iterations"), while the status line tells its result; else null. */
    private String finishedHow;
    private final lrwb.app.form.TrainingSetSize trainingSetSize;
    private BiConsumer<SetupHandOver, ScheduleSpec> trainingSink = (setup, spec) -> { };
    private IntSupplier plannedEpochs = () -> ONE_CYCLE_EPOCHS;

    /** Messages from the test's thread, handed over per frame. */
    private record Started(FinderRun run, int stepsPerEpoch, Path folder) {
    }

    private record Finished(FinderRun run, RangeTestResult result) {
    }

    /** @param recorded whether the test ran (and has a record with its points) before it failed */
    private record Failed(FinderRun run, String message, RunRefusedException.Field field, boolean recorded) {
    }

    private record Point(FinderRun run, RangePoint point) {
    }

    /** A member of a weight-decay group that was never started (Stop, or an earlier member refused). */
    private record Skipped(FinderRun run) {
    }

    /** Tests of the current start (a weight-decay group's members) that have not ended yet: FX thread only. */
    private int pendingRuns;

    /**
     * @param service  starts every range test and records it
     * @param runsDir  where every range test gets its run folder (the workbench home's runs/)
     * @param executor where tests are prepared and past runs are read; results are shown when they arrive
     */
    public FinderViewModel(RunService service, Path runsDir, TaskExecutor executor) {
        this.service = service;
        this.runsDir = runsDir;
        this.executor = executor;
        this.modelPicker = new ModelPicker(setup, runsDir, executor, service.dataCache());
        this.imagePreview = new ImagePreview(setup, executor, service.dataCache());
        this.trainingSetSize = new lrwb.app.form.TrainingSetSize(executor, service.dataCache());
        trainingSetSize.watchBatch(setup); // a batch larger than the training set, at its field
        // The status line tells the bounds the buttons use: after a drag, the dragged ones.
        lowerBound.addListener((o, a, b) -> tellResult());
        upperBound.addListener((o, a, b) -> tellResult());
        for (InputField f : sweepFields()) {
            f.textProperty().addListener((o, a, b) -> recheckOthers(f));
        }
        // "Check the marked field: …" follows the marks: the message of one still marked, or none once all are fixed.
        for (InputField f : allFields()) {
            f.errorProperty().addListener((o, a, b) -> {
                if (!rechecking) {
                    followMarks();
                }
            });
        }
    }

    /** The form's checks that read the data (its size) wait for the engine's start-up, not to slow the window's. */
    public void holdDataChecksUntil(java.util.concurrent.CompletionStage<?> engineReady) {
        trainingSetSize.waitFor(engineReady);
    }

    /** Set while {@link #recheckOthers} clears and sets marks, so the status line sees only the outcome. */
    private boolean rechecking;

    private void followMarks() {
        if (status.get().startsWith(CHECK_FIELD)) {
            status.set(allFields().stream().filter(InputField::hasError).findFirst()
                    .map(marked -> CHECK_FIELD + marked.error()).orElse("Fixed: press Find LR."));
        }
    }

    private static final String CHECK_FIELD = "Check the marked field: ";

    private List<InputField> allFields() {
        return List.of(setup.dataset(), setup.model(), setup.optimizer(), setup.batch(), setup.valSplit(), setup.seed(), setup.normalize(),
                startLr, endLr, iterations, beta, divergeFactor, weightDecays);
    }

    private List<InputField> sweepFields() {
        return List.of(startLr, endLr, iterations, beta, divergeFactor);
    }

    /**
     * A rule that joins two fields ("end LR must be > start LR") is fixed by editing either: when one sweep field
     * changes, the messages of the others are checked again, so a message that no longer holds goes away. The
     * field being typed in keeps no message until the next Find LR (typing clears it, as everywhere).
     */
    private void recheckOthers(InputField typed) {
        if (sweepFields().stream().noneMatch(f -> f != typed && f.hasError())) {
            return;
        }
        rechecking = true;
        try {
            for (InputField f : sweepFields()) {
                f.setError("");
            }
            readConfig(new FormErrors(), 42);
            typed.setError("");
        } finally {
            rechecking = false;
        }
        followMarks();
    }

    public RunSetupForm setup() {
        return setup;
    }

    /** The model field's picker: presets, model files, saved networks of past runs, the layer editor. */
    public ImagePreview imagePreview() {
        return imagePreview;
    }

    public ModelPicker modelPicker() {
        return modelPicker;
    }

    /**
     * "Range test from these weights" (Runs): the form takes a training run's data, optimizer, batch size and seed,
     * and the network it saved ({@code run:DIR}); the sweep settings stay as they are.
     */
    public void rangeTestFrom(RunConfig config, Path runDir) {
        setup.fill(config.data(), ModelText.forRun(runDir), config.optimizer().shortName(), config.batchSize());
        status.set("Set to test the weights of " + runDir.getFileName() + ": press Find LR.");
    }

    public InputField startLr() {
        return startLr;
    }

    public InputField endLr() {
        return endLr;
    }

    public InputField iterations() {
        return iterations;
    }

    public InputField beta() {
        return beta;
    }

    public InputField divergeFactor() {
        return divergeFactor;
    }

    public ObjectProperty<LossSource> lossSourceProperty() {
        return lossSource;
    }

    public InputField weightDecays() {
        return weightDecays;
    }

    public ObjectProperty<SweepMode> modeProperty() {
        return mode;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Every run on the chart, oldest first; the current one is among them. */
    public ObservableList<FinderRun> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<FinderRun> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The cyclic bounds, initialised from the suggestions and dragged by the user; NaN when there are none. */
    public DoubleProperty lowerBoundProperty() {
        return lowerBound;
    }

    public DoubleProperty upperBoundProperty() {
        return upperBound;
    }

    /** Where "open in Designer" sends a schedule (the shell wires it to the Designer). */
    public void setDesignerSink(Consumer<ScheduleSpec> sink) {
        this.designerSink = sink;
    }

    /**
     * Where "Train with this" and "Train at the valley LR" go: the test's setup (data, network, optimizer, batch size,
     * seed; null when unknown) with the schedule.
     */
    public void setTrainingSink(BiConsumer<SetupHandOver, ScheduleSpec> sink) {
        this.trainingSink = sink;
    }

    /**
     * How many epochs the schedules made here should last: the Training form's planned epochs, so a one-cycle or a
     * cyclic schedule handed over fits the run it will be trained in (fastai's fit_one_cycle).
     */
    public void setPlannedEpochs(IntSupplier epochs) {
        this.plannedEpochs = epochs;
    }

    /** The cyclic band, with the test's setup, to Training; false (with why in the status line) when there is none. */
    public boolean trainWithBand() {
        Optional<CyclicSchedule> spec = cyclicSchedule();
        if (spec.isEmpty()) {
            status.set(bandProblem().orElse("No bounds to train with."));
            return false;
        }
        trainingSink.accept(currentSetup(), spec.get());
        return true;
    }

    /** A constant LR at the valley suggestion, with the test's setup, to Training; false when there is no valley. */
    public boolean trainAtValley() {
        FinderRun run = current.get();
        if (run == null || run.suggestions() == null || run.suggestions().valley() == null) {
            status.set("No valley suggestion to train at.");
            return false;
        }
        trainingSink.accept(currentSetup(), new ConstantSchedule(rounded(run.suggestions().valley())));
        return true;
    }

    private SetupHandOver currentSetup() {
        FinderRun run = current.get();
        return run == null ? null : run.setup();
    }

    /** Validates the inputs and starts a test in the background; false (with messages at the fields) when invalid. */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        FormErrors errors = new FormErrors();
        RunSetup s = setup.read(errors);
        RangeTestConfig config = readConfig(errors, s == null ? 42 : s.seed());
        WeightDecayGroup group = readGroup(errors, s);
        if (s != null && setup.batch().hasError()) { // larger than the training set (marked as it was typed)
            errors.add(setup.batch(), setup.batch().error());
        }
        if (s == null || config == null || !errors.isEmpty()) {
            status.set(CHECK_FIELD + errors.first());
            return false;
        }
        RangeTestRequest request;
        try {
            request = new RangeTestRequest(s.data(), s.model(), s.optimizer(), s.batchSize(), config);
        } catch (InvalidSpecException e) {
            setup.batch().setError(e.getMessage());
            return false;
        }
        String base = request.shortName() + " · batch " + s.batchSize() + " · seed " + s.seed()
                + (config.lossSource() == LossSource.VAL ? " · val loss" : "");
        List<RangeTestRequest> requests = group == null ? List.of(request) : group.members(request);
        List<FinderRun> started = new java.util.ArrayList<>();
        for (RangeTestRequest r : requests) {
            // a group's legend names each curve by its wd first
            FinderRun run = new FinderRun(uniqueLabel(group == null ? base
                    : WeightDecayGroup.label(r.optimizer().value(OptimizerSetting.WD)) + " · " + base), 0);
            run.setSetup(new SetupHandOver(s.data(), setup.model().text(), r.optimizer().shortName(), s.batchSize()));
            runs.add(run);
            started.add(run);
        }
        current.set(started.get(0));
        pendingRuns = started.size();
        lowerBound.set(Double.NaN);
        upperBound.set(Double.NaN);
        finishedHow = null;
        plannedIterations = config.iterations();
        bestSmoothed = Double.POSITIVE_INFINITY;
        cancelRequested = false;
        running.set(true);
        progress.set(0);
        status.set("Loading " + s.data().source() + " and building " + s.model().describe() + "…");
        frames.start();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        testEnded = ended;
        executor.execute(() -> runInBackground(started, requests, group, ended));
        return true;
    }

    /** The weight-decay list, or null for one test; a bad list is marked at its field. */
    private WeightDecayGroup readGroup(FormErrors errors, RunSetup s) {
        String text = weightDecays.text().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            WeightDecayGroup group = WeightDecayGroup.parse(
                    java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), text);
            if (s != null && s.optimizer().value(OptimizerSetting.WD) != s.optimizer().kind().defaults().get(OptimizerSetting.WD)) {
                errors.add(weightDecays, weightDecays.name() + " set the optimizer's wd for each test: leave wd out of the optimizer");
                return null;
            }
            return group;
        } catch (IllegalArgumentException e) {
            errors.add(weightDecays, weightDecays.name() + " " + WeightDecayGroup.RULE + " (got '" + text + "')");
            return null;
        }
    }

    private RangeTestConfig readConfig(FormErrors errors, long seed) {
        double start = startLr.number(errors);
        double end = endLr.number(errors);
        long n = iterations.integer(errors);
        double b = beta.number(errors);
        double f = divergeFactor.number(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return new RangeTestConfig(start, end, (int) Math.min(n, Integer.MAX_VALUE), mode.get(), b, f, (int) (n / 10),
                    RangeTestConfig.DEFAULT_SKIP_END, seed, lossSource.get());
        } catch (InvalidSpecException e) {
            InputField field = switch (e.field()) {
                case "startLr" -> startLr;
                case "endLr" -> endLr;
                case "iterations" -> iterations;
                case "beta" -> beta;
                default -> divergeFactor;
            };
            errors.add(field, field.name() + " " + e.rule());
            return null;
        }
    }

    public void stop() {
        cancelRequested = true;
        RunHandle live = handle;
        if (live != null) {
            live.cancel();
        }
        if (running.get()) {
            status.set("Stopping… the network is being restored");
        }
    }

    /**
     * Closing the window: stops a running test, then waits off the FX thread, at most {@code timeout}, until
     * its network is restored and its record complete.
     *
     * @return completes on the FX thread once the test has ended or the time is up
     */
    public CompletableFuture<Void> shutdown(java.time.Duration timeout) {
        stop();
        CompletableFuture<Void> ended = testEnded;
        if (ended.isDone()) {
            return ended;
        }
        return executor.supply(() -> {
            try {
                ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // a test that does not stop in time is recorded as interrupted, as after a crash: nothing more to do
            }
            return null;
        });
    }

    /**
     * The background thread: the tests one after another (a weight-decay group's members in order); each is loaded,
     * built and started by the service, whose thread then reports through the frame queue. A member refused, or
     * Stop, ends the group: the members not started are taken off the chart.
     */
    private void runInBackground(List<FinderRun> members, List<RangeTestRequest> requests, WeightDecayGroup group,
                                 CompletableFuture<Void> ended) {
        boolean going = true;
        for (int k = 0; k < members.size(); k++) {
            if (!going || cancelRequested) {
                frames.offer(new Skipped(members.get(k)));
                continue;
            }
            RunHandle started = startOne(members.get(k), requests.get(k), group);
            if (started == null) { // refused: its Failed message says why, and the rest are not started
                going = false;
                continue;
            }
            if (k == members.size() - 1) {
                started.ended().whenComplete((outcome, error) -> ended.complete(null));
                return;
            }
            started.ended().join(); // the next member starts from the same weights, once this one is restored
        }
        ended.complete(null);
    }

    /** Starts one test; null (with a Failed message queued) when it is refused or cannot start. */
    private RunHandle startOne(FinderRun run, RangeTestRequest request, WeightDecayGroup group) {
        RunHandle started;
        try {
            started = service.startRangeTest(request, group, RunTarget.newFolderIn(runsDir), new RunListener() {
                @Override
                public void onStarted(RunStart start) {
                    frames.offer(new Started(run, start.stepsPerEpoch(), start.folder()));
                }

                @Override
                public void onRangePoint(RangePoint p) {
                    frames.offer(new Point(run, p));
                }

                @Override
                public void onEnded(RunOutcome outcome) {
                    frames.offer(outcome.rangeTest() != null ? new Finished(run, outcome.rangeTest())
                            : new Failed(run, outcome.message(), RunRefusedException.Field.OTHER, true));
                }
            });
        } catch (RunRefusedException e) {
            frames.offer(new Failed(run, e.getMessage(), e.field(), false));
            return null;
        } catch (Throwable e) {
            frames.offer(new Failed(run, "could not start: " + (e.getMessage() == null ? e : e.getMessage()),
                    RunRefusedException.Field.OTHER, false));
            return null;
        }
        handle = started;
        if (cancelRequested) {
            started.cancel(); // Stop was pressed while the data loaded
        }
        return started;
    }

    /** FX thread: one frame's worth of messages. */
    private void onFrame(List<Object> batch) {
        FinderRun pointsFor = null;
        List<RangePoint> points = new java.util.ArrayList<>();
        for (Object m : batch) {
            if (m instanceof Point p) {
                pointsFor = p.run();
                points.add(p.point());
                bestSmoothed = Math.min(bestSmoothed, p.point().smoothed());
            } else {
                flushPoints(pointsFor, points);
                if (m instanceof Started s) {
                    s.run().setStepsPerEpoch(s.stepsPerEpoch());
                    s.run().folderProperty().set(s.folder());
                    status.set("Running…");
                } else if (m instanceof Finished f) {
                    finish(f.run(), f.result());
                } else if (m instanceof Failed f) {
                    fail(f);
                } else if (m instanceof Skipped k) {
                    runs.remove(k.run());
                    if (current.get() == k.run()) {
                        current.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
                    }
                    endIfLast();
                }
            }
        }
        flushPoints(pointsFor, points);
        if (running.get() && pointsFor != null) {
            RangePoint last = pointsFor.points().get(pointsFor.points().size() - 1);
            progress.set((last.iteration() + 1.0) / plannedIterations);
            status.set(String.format(Locale.ROOT, "Iteration %d / %d · lr %.3g · best loss %.4g", last.iteration() + 1,
                    plannedIterations, last.lr(), bestSmoothed));
        }
    }

    private static void flushPoints(FinderRun run, List<RangePoint> points) {
        if (run != null && !points.isEmpty()) {
            run.points().addAll(points);
            points.clear();
        }
    }

    /** One test of the current start has ended: after the last, the Finder is idle again. */
    private boolean endIfLast() {
        pendingRuns = Math.max(0, pendingRuns - 1);
        if (pendingRuns > 0) {
            return false;
        }
        running.set(false);
        frames.stop();
        return true;
    }

    private void finish(FinderRun run, RangeTestResult r) {
        run.finish(r);
        current.set(run); // its result is what the status line and the band show next
        bestSmoothed = Double.POSITIVE_INFINITY; // the next member's best is its own
        endIfLast();
        progress.set(1);
        String how = r.cancelled() ? "Cancelled after " + r.points().size() + " of " + r.iterations() + " iterations"
                : r.diverged() ? String.format(Locale.ROOT, "Diverged at iteration %d (lr %.3g)", r.stoppedAt() + 1,
                r.points().get(r.points().size() - 1).lr())
                : "Finished " + r.iterations() + " iterations";
        finishedHow = how + "; the network is restored.";
        applyBounds(r.suggestions());
        tellResult();
    }

    /**
     * The status line after a test: how it ended, then the bounds as they are now (dragged or suggested) and the
     * other suggestions, or why there are none.
     */
    private void tellResult() {
        FinderRun run = current.get();
        Suggestions sg = run == null ? null : run.suggestions();
        if (finishedHow == null || sg == null) {
            return;
        }
        double lo = lowerBound.get();
        double hi = upperBound.get();
        String unreliable = sg.isUnreliable() ? " Unreliable: see why under Suggestions." : "";
        if (sg.isEmpty() || !(lo > 0 && hi > 0)) {
            status.set(finishedHow + " " + capitalised(sg.message()) + "." + unreliable);
            return;
        }
        boolean dragged = sg.cyclic() == null || lo != sg.cyclic().lower() || hi != sg.cyclic().upper();
        // Edges dragged onto each other make a "cycle" that hardly moves the LR: say so rather than hand it on silently.
        String close = hi < MIN_BOUNDS_RATIO * lo ? String.format(Locale.ROOT, " The bounds are less than %s× apart: a cycle"
                + " between them hardly changes the LR; drag them apart.", sig(MIN_BOUNDS_RATIO)) : "";
        status.set(String.format(Locale.ROOT, "%s Cyclic bounds %s to %s%s; steepest descent at %s, valley at %s, minimum/10 %s.%s",
                finishedHow, sig(lo), sig(hi), dragged ? " (dragged)" : "", sig(sg.steepest()), sig(sg.valley()), sig(sg.minimum10()),
                close + unreliable));
    }

    private static String sig(Double v) {
        return v == null ? "–" : lrwb.app.chart.NumberLabels.significant(v, 3);
    }

    private void fail(Failed f) {
        endIfLast();
        if (f.recorded()) { // its points stay on the chart, as its record stays on disk
            status.set("Failed: " + f.message() + ". What it recorded is kept.");
            return;
        }
        runs.remove(f.run());
        if (current.get() == f.run()) {
            current.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
        progress.set(0);
        String message = lrwb.app.text.AppWording.of(f.message()); // the field's name, not the CLI option
        switch (f.field()) {
            case DATA -> setup.dataError(message);
            case OPTIMIZER -> setup.optimizer().setError(message);
            case MODEL -> setup.model().setError(message);
            case BATCH_SIZE -> setup.batch().setError(message);
            default -> {
            }
        }
        status.set("Could not run: " + message);
    }

    private void applyBounds(Suggestions s) {
        if (s != null && s.cyclic() != null) {
            lowerBound.set(s.cyclic().lower());
            upperBound.set(s.cyclic().upper());
        } else {
            lowerBound.set(Double.NaN);
            upperBound.set(Double.NaN);
        }
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shows one of the runs on the chart as the current one (its suggestions and bounds). */
    public void select(FinderRun run) {
        boolean other = run != current.get();
        if (other) {
            // The status line told another run's result: now it tells this one's (when it has one).
            finishedHow = run.suggestions() == null ? null : "Showing " + run.label() + ".";
        }
        current.set(run);
        applyBounds(run.suggestions());
        tellResult();
    }

    public void remove(FinderRun run) {
        if (running.get() && run == current.get()) {
            return;
        }
        runs.remove(run);
        if (current.get() == run) {
            if (runs.isEmpty()) {
                finishedHow = null;
                current.set(null);
                applyBounds(null);
                status.set("Removed " + run.label() + ".");
            } else {
                select(runs.get(runs.size() - 1));
            }
        }
    }

    /**
     * Reads a past range test from its run folder, off the FX thread, and adds it to the chart. A test already on
     * the chart is selected instead of added twice.
     *
     * @return completes on the FX thread with the run on the chart, or fails with why the folder cannot be read
     */
    public CompletableFuture<FinderRun> reopen(Path folder) {
        FinderRun shown = onChart(folder);
        if (shown != null) {
            select(shown);
            status.set(shown.label() + " is already on the chart: selected it.");
            return CompletableFuture.completedFuture(shown);
        }
        return executor.supply(() -> RangeTestRecord.read(folder)).thenApply(record -> {
            FinderRun again = onChart(folder); // opened twice before the first read came back
            if (again != null) {
                select(again);
                return again;
            }
            FinderRun run = new FinderRun(uniqueLabel(record.run().name() + " · "
                    + SavedRangeTest.WHEN.format(record.run().info().startedAt())), record.run().config().stepsPerEpoch());
            run.points().setAll(record.points());
            if (record.run().config().isKnown()) {
                RunConfig c = record.run().config();
                run.setSetup(new SetupHandOver(c.data(), c.model().describe(), c.optimizer().shortName(), c.batchSize()));
            }
            run.showSuggestions(record.suggestions());
            run.folderProperty().set(folder);
            runs.add(run);
            select(run);
            status.set("Reopened " + run.label() + " (" + folder.getFileName() + ").");
            return run;
        });
    }

    /** The run on the chart recorded in {@code folder}, or null. */
    private FinderRun onChart(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        for (FinderRun r : runs) {
            Path f = r.folderProperty().get();
            if (f != null && f.toAbsolutePath().normalize().equals(wanted)) {
                return r;
            }
        }
        return null;
    }

    /** {@code base}, or {@code base (2)}, {@code (3)}, ... when a run on the chart already has that name. */
    private String uniqueLabel(String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        runs.forEach(r -> taken.add(r.label()));
        String label = base;
        for (int i = 2; taken.contains(label); i++) {
            label = base + " (" + i + ")";
        }
        return label;
    }

    /** Whether a range test recorded in {@code folder} is on the chart (the reopen list marks it). */
    public boolean isOnChart(Path folder) {
        return onChart(folder) != null;
    }

    /**
     * The range tests saved in the runs folder, newest first, read off the FX thread (training runs and damaged
     * folders left out).
     */
    public CompletableFuture<List<SavedRangeTest>> savedRangeTests() {
        return executor.supply(() -> SavedRangeTest.list(runsDir));
    }

    /** {@link #reopen}, with a failure told in the status line (for menu actions). */
    public void reopenOrSayWhy(Path folder) {
        reopen(folder).exceptionally(e -> {
            status.set(whyNotReopened(folder, e));
            return null;
        });
    }

    /** One line: "Cannot reopen X: X is a training run, not a range test" and the like. */
    public static String whyNotReopened(Path folder, Throwable e) {
        return "Cannot reopen " + folder.getFileName() + ": " + TaskExecutor.cause(e).getMessage();
    }

    /**
     * The bounds as a triangular cyclic schedule over the Training form's planned run: a whole number of cycles,
     * each half cycle as close to {@link #CYCLIC_HALF_CYCLE_EPOCHS} epochs as that allows; empty without a band.
     */
    public Optional<CyclicSchedule> cyclicSchedule() {
        if (bandProblem().isPresent()) {
            return Optional.empty();
        }
        double lo = rounded(lowerBound.get());
        double hi = rounded(upperBound.get());
        int epochs = plannedEpochs();
        long cycles = Math.max(1, Math.round(epochs / (2.0 * CYCLIC_HALF_CYCLE_EPOCHS)));
        long halfCycle = Math.max(1, (long) epochs * Math.max(1, stepsPerEpoch()) / (2 * cycles));
        return Optional.of(new CyclicSchedule(lo, hi, halfCycle, halfCycle, CyclicSchedule.Mode.TRIANGULAR,
                CyclicSchedule.DEFAULT_GAMMA, Unit.ITERATION));
    }

    /**
     * Why the band makes no schedule, in one line, or empty when it does: edges dragged onto each other would give
     * a "cycle" with baseLr = maxLr, a constant in disguise.
     */
    public Optional<String> bandProblem() {
        double lo = lowerBound.get();
        double hi = upperBound.get();
        if (!(lo > 0 && hi > 0)) {
            return Optional.of("No cyclic bounds to use.");
        }
        if (!(rounded(hi) > rounded(lo))) {
            return Optional.of("The band's upper edge (" + NumberLabels.significant(hi, 3) + ") must be above its lower edge ("
                    + NumberLabels.significant(lo, 3) + "): drag them apart.");
        }
        return Optional.empty();
    }

    /** An LR read off the chart, to the 3 significant digits the chart shows: 0.000311, not 0.00031066237622244595. */
    static double rounded(double lr) {
        return Double.parseDouble(NumberLabels.significant(lr, 3));
    }

    /** The Training form's planned epochs (at least 1). */
    private int plannedEpochs() {
        return Math.max(1, plannedEpochs.getAsInt());
    }

    /** A one-cycle schedule peaking at the valley suggestion over the Training form's planned run, or empty. */
    public Optional<OneCycleSchedule> oneCycleSchedule() {
        FinderRun run = current.get();
        if (run == null || run.suggestions() == null || run.suggestions().valley() == null) {
            return Optional.empty();
        }
        long total = (long) plannedEpochs() * Math.max(1, stepsPerEpoch());
        return Optional.of(new OneCycleSchedule(rounded(run.suggestions().valley()), total, OneCycleSchedule.DEFAULT_PCT_START,
                OneCycleSchedule.Anneal.COS, OneCycleSchedule.DEFAULT_DIV_FACTOR, OneCycleSchedule.DEFAULT_FINAL_DIV_FACTOR,
                false, Unit.ITERATION));
    }

    /** Batches per epoch of the selected test's data (1 when unknown): the unit of the schedules made from it. */
    public int stepsPerEpoch() {
        FinderRun run = current.get();
        return run == null ? 1 : run.stepsPerEpoch();
    }

    /** Sends a schedule made from this test to the Designer; false when there is nothing to send. */
    public boolean openInDesigner(Optional<? extends ScheduleSpec> schedule) {
        schedule.ifPresent(designerSink);
        return schedule.isPresent();
    }

    /**
     * Writes a chart image taken on the FX thread to {@code file}, off the FX thread.
     *
     * @return completes on the FX thread with null once written, or with why it could not be written
     */
    public CompletableFuture<java.io.IOException> exportPng(java.awt.image.BufferedImage image, Path file) {
        return PngFile.write(executor, image, file);
    }

    /**
     * Writes the current run's points as CSV (the same columns as range.csv), off the FX thread.
     *
     * @return completes on the FX thread once written, or fails with why not
     */
    public CompletableFuture<Void> exportCsv(Path file) {
        FinderRun run = current.get();
        if (run == null) {
            return CompletableFuture.failedFuture(new IOException("there is no range test to export yet"));
        }
        List<RangePoint> points = List.copyOf(run.points()); // the list grows on the FX thread while a test runs
        return executor.supply(() -> {
            RangeTestRecord.writeCsv(points, file);
            return null;
        });
    }

    /** FX thread (tests): waits until the last test has ended and hands over everything it queued. */
    void awaitTestEnded() {
        testEnded.join();
        while (!frames.isEmpty()) {
            frames.drain();
        }
    }

    /** FX thread (tests): hands over what the background thread has queued so far. */
    void drainFrames() {
        frames.drain();
    }
}
