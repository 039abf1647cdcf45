package lrwb.app.sweeps;

import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import lrwb.app.chart.CurveColors;
import lrwb.app.compare.ComparedRun;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.app.stream.FrameQueue;
import lrwb.app.stream.TaskExecutor;
import lrwb.app.text.DurationText;
import lrwb.engine.run.AtomicFile;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.GridDraft;
import lrwb.engine.sweep.InvalidGridException;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepHandle;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRecord;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepRunner;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The Sweeps workspace's state: the grid form, the sweep on show (one started here, or a folder opened) with its
 * finished cells, its LR sensitivity curves, the range tests that match its cells, and the cells chosen for the
 * per-epoch comparison. A sweep runs through the engine's {@link SweepRunner} on the local cell runner; its events
 * reach the FX thread once per frame through a {@link FrameQueue}; folders are read and written on the executor.
 */
public final class SweepsViewModel {
    /** Said before the one line of a field's message when Run finds the form wrong. */
    static final String CHECK_FIELD = "Check the form: ";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SweepForm form = new SweepForm();
    private final Path sweepsDir;
    private final Path runsDir;
    private final EngineContext engine;
    private final TaskExecutor executor;
    private final FrameQueue<Object> frames = new FrameQueue<>(this::onFrame);
    private final LongSupplier clock;

    private final ReadOnlyStringWrapper cellCount = new ReadOnlyStringWrapper(this, "cellCount", "");
    private final ReadOnlyStringWrapper gridMessage = new ReadOnlyStringWrapper(this, "gridMessage", "");
    private final InputField parallel;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper(this, "resumable", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Set up a grid (or pick a preset) and run it; or open a sweep folder.");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ReadOnlyObjectWrapper<SweepGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SweepRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<SweepMetric> metric = new SimpleObjectProperty<>(this, "metric", SweepMetric.FINAL_VAL_LOSS);
    private final ObservableList<SensitivityCurves.Curve> curves = FXCollections.observableArrayList();
    private final ObservableList<RangeTestMatch> rangeTests = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ObservableList<SweepRow> selection = FXCollections.observableArrayList();
    private final ObservableList<ComparedRun> compared = FXCollections.observableArrayList();

    private Map<RangeTestMatch.Setup, RangeTestMatch> matches = Map.of();
    private final ReadOnlyStringWrapper missingRangeTest = new ReadOnlyStringWrapper(this, "missingRangeTest", "");
    private java.util.function.Consumer<lrwb.app.form.SetupHandOver> rangeTestSink = setup -> { };
    private SweepHandle handle;
    private CompletableFuture<Void> sweepEnded = CompletableFuture.completedFuture(null);
    private long startedAt;
    private int doneAtStart;
    private int total;
    /** Counts validations, so an older one finishing late does not overwrite a newer answer. */
    private long checkGeneration;
    private long compareGeneration;
    /** Stop was pressed before the runner handed back its handle. */
    private boolean cancelRequested;

    /**
     * @param sweepsDir where new sweeps get their folders ({@code sweeps/} in the workbench home)
     * @param runsDir   where range tests are looked for
     */
    public SweepsViewModel(Path sweepsDir, Path runsDir, EngineContext engine, TaskExecutor executor) {
        this(sweepsDir, runsDir, engine, executor, System::nanoTime);
    }

    SweepsViewModel(Path sweepsDir, Path runsDir, EngineContext engine, TaskExecutor executor, LongSupplier clock) {
        this.sweepsDir = sweepsDir;
        this.runsDir = runsDir;
        this.engine = engine;
        this.executor = executor;
        this.clock = clock;
        parallel = new InputField("cells at a time", String.valueOf(LocalCells.defaultParallel()));
        for (InputField f : form.gridFields()) {
            f.textProperty().addListener((o, a, b) -> formChanged());
        }
        form.lrModeProperty().addListener((o, a, b) -> formChanged());
        form.schedules().addListener((ListChangeListener<Object>) c -> formChanged());
        metric.addListener((o, a, b) -> recompute());
        rows.addListener((ListChangeListener<SweepRow>) c -> recompute());
        selection.addListener((ListChangeListener<SweepRow>) c -> compareSelection());
        formChanged();
    }

    public SweepForm form() {
        return form;
    }

    public List<SweepPreset> presets() {
        return SweepPreset.all();
    }

    /** Fills the name and the axes from a preset; the base run stays as it is. */
    public void usePreset(SweepPreset preset) {
        preset.fill(form);
    }

    /** "27 cells: 9 LRs × 3 optimizers", live while the form is edited. */
    public ReadOnlyStringProperty cellCountProperty() {
        return cellCount.getReadOnlyProperty();
    }

    /** What is wrong with the grid as a whole (too many cells), or "". */
    public ReadOnlyStringProperty gridMessageProperty() {
        return gridMessage.getReadOnlyProperty();
    }

    /** How many cells train at once (each on one native thread): the number of cores unless changed. */
    public InputField parallel() {
        return parallel;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The sweep on show stopped before all its cells finished (killed, stopped) and can go on where it stopped. */
    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    /** Cells done / cells in the grid. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 of 27 cells · about 3 min left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The folder of the sweep on show, or null. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The finished cells of the sweep on show (summary.csv's rows), in the order they finished. */
    public ObservableList<SweepRow> rows() {
        return readOnlyRows;
    }

    public ObjectProperty<SweepMetric> metricProperty() {
        return metric;
    }

    /** The LR sensitivity of the chosen metric: one curve per value of the other axes. */
    public ObservableList<SensitivityCurves.Curve> curves() {
        return curves;
    }

    /** The range tests of the same data, network and optimizer as cells of this sweep, newest of each. */
    public ObservableList<RangeTestMatch> rangeTests() {
        return rangeTests;
    }

    /** Whether the range tests' suggestions fall in the sweep's good region, one sentence per matching curve. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /**
     * The setup ("iris · mlp:64,32 · adam · batch 16 · seed 42") of the first curve with no matching range test, or ""
     * when every curve has one (or nothing is shown): what "Run a range test" would run.
     */
    public ReadOnlyStringProperty missingRangeTestProperty() {
        return missingRangeTest.getReadOnlyProperty();
    }

    /** Where "Run a range test" hands a setup (the window: the LR Finder, which starts it). */
    public void setRangeTestSink(java.util.function.Consumer<lrwb.app.form.SetupHandOver> sink) {
        this.rangeTestSink = sink;
    }

    /** Runs a range test (through the sink) for the first curve that has none. */
    public void runMissingRangeTest() {
        TrainingRequest r = firstWithoutRangeTest();
        if (r != null) {
            rangeTestSink.accept(new lrwb.app.form.SetupHandOver(r.data(), r.model().describe(), r.optimizer().shortName(),
                    r.batchSize()));
        }
    }

    /** Looks for matching range tests again (one may have been run since). */
    public void refreshRangeTests() {
        if (grid.get() != null) {
            lookForRangeTests(grid.get());
        }
    }

    private TrainingRequest firstWithoutRangeTest() {
        SweepGrid g = grid.get();
        if (g == null) {
            return null;
        }
        for (SweepCell c : g.cells()) {
            if (!matches.containsKey(RangeTestMatch.Setup.of(c.request()))) {
                return c.request();
            }
        }
        return null;
    }

    /** The cells chosen in the table: their per-epoch curves are compared. */
    public ObservableList<SweepRow> selection() {
        return selection;
    }

    public ObservableList<ComparedRun> compared() {
        return compared;
    }

    /** What the legends call a cell: the values of its axes ("adam · lr 0.01 · seed 2"). */
    public String cellName(SweepRow row) {
        Map<String, String> values = axisValues(row.cell());
        if (values.isEmpty()) {
            return "cell " + row.cell();
        }
        List<String> parts = new ArrayList<>();
        values.forEach((axis, value) -> parts.add(axis.equals("optimizer") || axis.equals("schedule") || axis.equals("dataset")
                || axis.equals("model") ? AxisValueText.of(value) : axis + " " + value));
        return String.join(" · ", parts);
    }

    Map<String, String> axisValues(int cell) {
        SweepGrid g = grid.get();
        return g != null && cell >= 0 && cell < g.cells().size() ? g.cells().get(cell).axisValues() : Map.of();
    }

    // ---- the form --------------------------------------------------------------------------------------------

    private void formChanged() {
        cellCount.set(form.cellCount());
        gridMessage.set("");
    }

    /**
     * Checks the grid as Run would, without running it: every cell through the engine's validation; messages go to
     * their fields (or the grid message).
     *
     * @return completes on the FX thread with the valid grid, or null
     */
    public CompletableFuture<SweepGrid> check() {
        FormErrors errors = new FormErrors();
        GridDraft draft = form.read(errors);
        if (draft == null) {
            status.set(CHECK_FIELD + errors.first());
            return CompletableFuture.completedFuture(null);
        }
        long generation = ++checkGeneration;
        return executor.supply(draft::grid).handle((g, error) -> {
            if (generation != checkGeneration) {
                return null;
            }
            if (error != null) {
                showGridError(TaskExecutor.cause(error));
                return null;
            }
            cellCount.set(form.cellCount());
            return g;
        });
    }

    private void showGridError(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        InputField field = form.fieldFor(e instanceof InvalidGridException g ? g.field() : "");
        if (field == null) {
            gridMessage.set(message);
        } else {
            field.setError(message);
        }
        status.set(CHECK_FIELD + message);
    }

    // ---- running -----------------------------------------------------------------------------------------------

    /** Validates the form and the grid, then runs it into a new folder under the sweeps folder. */
    public void start() {
        if (running.get()) {
            return;
        }
        FormErrors errors = new FormErrors();
        long cellsAtOnce = parallel.integer(errors);
        if (!parallel.hasError() && (cellsAtOnce < 1 || cellsAtOnce > 256)) {
            errors.add(parallel, "cells at a time must be a whole number from 1 to 256 (got " + parallel.text() + ")");
        }
        GridDraft draft = form.read(errors);
        if (draft == null || !errors.isEmpty()) {
            status.set(CHECK_FIELD + errors.first());
            return;
        }
        Path dir = sweepsDir.resolve(LocalDateTime.now().format(FOLDER_TIME) + "-" + slug(draft.name()));
        launch(() -> draft.grid(), dir, (int) cellsAtOnce, List.of());
    }

    /** Goes on with the sweep on show where it stopped: finished cells are kept, the others run. */
    public void resume() {
        SweepGrid g = grid.get();
        Path dir = folder.get();
        if (running.get() || g == null || dir == null) {
            return;
        }
        FormErrors errors = new FormErrors();
        long cellsAtOnce = parallel.integer(errors);
        if (!errors.isEmpty() || cellsAtOnce < 1) {
            parallel.setError("cells at a time must be a whole number from 1 to 256 (got " + parallel.text() + ")");
            return;
        }
        launch(() -> g, dir, (int) cellsAtOnce, List.copyOf(rows));
    }

    private void launch(java.util.concurrent.Callable<SweepGrid> gridSource, Path dir, int cellsAtOnce, List<SweepRow> kept) {
        running.set(true);
        cancelRequested = false;
        resumable.set(false);
        status.set("Checking every cell of the grid…");
        progress.set(0);
        progressText.set("");
        CompletableFuture<Void> ended = new CompletableFuture<>();
        sweepEnded = ended;
        frames.start();
        executor.execute(() -> {
            SweepGrid g;
            try {
                g = gridSource.call();
            } catch (Exception e) {
                frames.offer(new StartFailed(e, null, null));
                ended.complete(null);
                return;
            }
            frames.offer(new Prepared(g, dir, kept));
            try {
                LocalCells backend = new LocalCells(cellsAtOnce, engine);
                SweepHandle h = SweepRunner.start(g, dir, backend, new SweepListener() {
                    @Override
                    public void onStarted(int total, int alreadyDone) {
                        frames.offer(new Started(total, alreadyDone));
                    }

                    @Override
                    public void onCellFinished(SweepRow row, int done, int total) {
                        frames.offer(new CellFinished(row, done, total));
                    }

                    @Override
                    public void onEnded(SweepOutcome outcome) {
                        frames.offer(outcome);
                        backend.close();
                        ended.complete(null);
                    }
                });
                frames.offer(new HandleReady(h));
            } catch (Exception e) {
                frames.offer(new StartFailed(e, g, dir));
                ended.complete(null);
            }
        });
    }

    /** Stops the sweep: running cells are cancelled (their rows say so), the rest never start; Resume goes on later. */
    public void stop() {
        cancelRequested = running.get();
        SweepHandle h = handle;
        if (h != null) {
            h.cancel();
            status.set("Stopping the running cells…");
        }
    }

    /**
     * Closing the window: stops a running sweep, then waits off the FX thread, at most {@code timeout}, for its
     * files to be complete.
     */
    public CompletableFuture<Void> shutdown(Duration timeout) {
        stop();
        CompletableFuture<Void> ended = sweepEnded;
        if (ended.isDone()) {
            return ended;
        }
        return executor.supply(() -> {
            try {
                ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // its cells read as interrupted, and Resume reruns them
            }
            return null;
        });
    }

    private record Prepared(SweepGrid grid, Path dir, List<SweepRow> kept) {
    }

    private record Started(int total, int alreadyDone) {
    }

    private record CellFinished(SweepRow row, int done, int total) {
    }

    private record HandleReady(SweepHandle handle) {
    }

    private record StartFailed(Throwable error, SweepGrid grid, Path dir) {
    }

    private void onFrame(List<Object> events) {
        List<SweepRow> finished = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Prepared p) {
                grid.set(p.grid());
                folder.set(p.dir());
                selection.clear();
                rows.setAll(p.kept());
                total = p.grid().cells().size();
                status.set("Starting " + total + " cells in " + p.dir().getFileName() + "…");
                lookForRangeTests(p.grid());
            } else if (e instanceof Started s) {
                total = s.total();
                doneAtStart = s.alreadyDone();
                startedAt = clock.getAsLong();
                showProgress(s.alreadyDone());
                status.set(s.alreadyDone() == 0 ? "Running " + s.total() + " cells…"
                        : "Resuming: " + s.alreadyDone() + " of " + s.total() + " cells were done");
            } else if (e instanceof CellFinished c) {
                finished.add(c.row());
                showProgress(c.done());
            } else if (e instanceof HandleReady h) {
                handle = running.get() ? h.handle() : null;
                if (handle != null && cancelRequested) {
                    handle.cancel();
                }
            } else if (e instanceof SweepOutcome o) {
                ended(o);
            } else if (e instanceof StartFailed f) {
                running.set(false);
                frames.stop();
                if (f.grid() == null) {
                    showGridError(TaskExecutor.cause(f.error()));
                } else {
                    status.set("The sweep did not start: " + f.error().getMessage());
                }
            }
        }
        if (!finished.isEmpty()) {
            // a resumed sweep's rerun cell replaces the row it had (cancelled) before
            List<Integer> again = finished.stream().map(SweepRow::cell).toList();
            List<SweepRow> next = new ArrayList<>(rows);
            next.removeIf(r -> again.contains(r.cell()));
            next.addAll(finished);
            rows.setAll(next);
        }
    }

    private void showProgress(int done) {
        progress.set(total == 0 ? 0 : (double) done / total);
        String text = done + " of " + total + " cells";
        int doneHere = done - doneAtStart;
        if (running.get() && doneHere > 0 && done < total) {
            double perCell = (clock.getAsLong() - startedAt) / 1e9 / doneHere;
            text += " · about " + DurationText.of(perCell * (total - done)) + " left";
        }
        progressText.set(text);
    }

    private void ended(SweepOutcome o) {
        running.set(false);
        handle = null;
        frames.stop();
        showProgress(o.done());
        resumable.set(o.done() < o.total());
        String failed = o.failed() > 0 ? " (" + o.failed() + " failed)" : "";
        status.set(switch (o.status()) {
            case FINISHED -> "Finished: " + o.done() + " cells" + failed + " in " + folder.get().getFileName();
            case CANCELLED -> "Stopped after " + o.done() + " of " + o.total() + " cells" + failed + "; Resume goes on where it stopped";
            case FAILED -> "The sweep failed: " + o.message();
        });
    }

    // ---- opening ----------------------------------------------------------------------------------------------

    /**
     * Shows a sweep folder: its grid and finished cells, also of a sweep still running elsewhere or killed (then it can
     * be resumed here).
     *
     * @return completes on the FX thread once it is shown
     */
    public CompletableFuture<Void> open(Path dir) {
        if (running.get()) {
            status.set("Stop the running sweep before opening another");
            return CompletableFuture.completedFuture(null);
        }
        return executor.supply(() -> SweepRecord.read(dir)).handle((record, error) -> {
            if (error != null) {
                status.set("Cannot open " + dir.getFileName() + ": " + TaskExecutor.cause(error).getMessage());
                return null;
            }
            if (record.grid() == null) {
                status.set("Not a sweep: " + dir + (record.problems().isEmpty() ? "" : " (" + record.problems().get(0) + ")"));
                return null;
            }
            grid.set(record.grid());
            folder.set(dir);
            selection.clear();
            rows.setAll(record.rows());
            total = record.grid().cells().size();
            doneAtStart = record.rows().size();
            showProgress(record.rows().size());
            resumable.set(record.rows().size() < total);
            String problems = record.problems().isEmpty() ? "" : " · " + record.problems().size() + " problem"
                    + (record.problems().size() == 1 ? "" : "s") + ": " + record.problems().get(0);
            status.set("Opened " + dir.getFileName() + ": " + record.rows().size() + " of " + total + " cells finished"
                    + (resumable.get() ? " (Resume runs the rest)" : "") + problems);
            lookForRangeTests(record.grid());
            return null;
        });
    }

    // ---- reading the results ----------------------------------------------------------------------------------

    private void lookForRangeTests(SweepGrid g) {
        List<TrainingRequest> requests = g.cells().stream().map(SweepCell::request).toList();
        executor.supply(() -> RangeTestMatch.find(runsDir, requests)).thenAccept(found -> {
            if (grid.get() == g) {
                matches = found;
                rangeTests.setAll(found.values());
                recompute();
            }
        });
    }

    private void recompute() {
        curves.setAll(SensitivityCurves.of(rows, metric.get(), this::axisValues));
        verdict.set(verdictText());
        TrainingRequest missing = firstWithoutRangeTest();
        missingRangeTest.set(missing == null ? "" : missing.data().source() + " · " + missing.model().describe() + " · "
                + missing.optimizer().shortName());
    }

    /**
     * For each curve with a matching range test: are its steepest and valley suggestions inside the LRs whose mean
     * final validation loss is within 10% of the curve's best?
     */
    private String verdictText() {
        SweepGrid g = grid.get();
        if (g == null || rows.isEmpty()) {
            return "";
        }
        if (matches.isEmpty()) {
            return "No range test of the same data, network and optimizer yet: run one to see its suggestions on this axis.";
        }
        List<String> lines = new ArrayList<>();
        List<SensitivityCurves.Curve> lossCurves = SensitivityCurves.of(rows, SweepMetric.FINAL_VAL_LOSS, this::axisValues);
        for (SensitivityCurves.Curve c : lossCurves) {
            if (c.cellsAtLr().isEmpty()) {
                continue;
            }
            RangeTestMatch m = rangeTestOf(c);
            GoodRegion region = GoodRegion.of(c);
            if (m == null || region == null) {
                continue;
            }
            List<String> said = new ArrayList<>();
            if (m.suggestions().steepest() != null) {
                said.add(placed("steepest", m.suggestions().steepest(), region));
            }
            if (m.suggestions().valley() != null) {
                said.add(placed("valley", m.suggestions().valley(), region));
            }
            String who = lossCurves.size() == 1 ? "" : c.name() + ": ";
            lines.add(who + "good LRs " + region.text() + "; range test's " + String.join(", ", said));
        }
        return lines.isEmpty() ? "" : String.join("\n", lines);
    }

    /** The range test of the same data, network and optimizer as a curve's cells, or null. */
    RangeTestMatch rangeTestOf(SensitivityCurves.Curve c) {
        SweepGrid g = grid.get();
        if (g == null || c.cellsAtLr().isEmpty() || c.cellsAtLr().get(0).isEmpty()) {
            return null;
        }
        int cell = c.cellsAtLr().get(0).get(0);
        return cell < g.cells().size() ? matches.get(RangeTestMatch.Setup.of(g.cells().get(cell).request())) : null;
    }

    private static String placed(String what, double lr, GoodRegion region) {
        return what + " " + lrwb.app.chart.NumberLabels.significant(lr, 3) + (region.contains(lr) ? " inside" : " outside");
    }

    private void compareSelection() {
        Path dir = folder.get();
        List<SweepRow> chosen = selection.stream().sorted(Comparator.comparingInt(SweepRow::cell)).toList();
        long generation = ++compareGeneration;
        if (dir == null || chosen.isEmpty()) {
            compared.clear();
            return;
        }
        List<String> names = chosen.stream().map(this::cellName).toList();
        executor.supply(() -> {
            List<ComparedRun> out = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                out.add(ComparedRun.read(SweepRecord.runFolder(dir, chosen.get(i)), names.get(i), false,
                        CurveColors.PALETTE.get(i % CurveColors.PALETTE.size())));
            }
            return out;
        }).handle((out, error) -> {
            if (generation == compareGeneration) {
                if (error != null) {
                    status.set("Cannot read the chosen cells: " + TaskExecutor.cause(error).getMessage());
                    compared.clear();
                } else {
                    compared.setAll(out);
                }
            }
            return null;
        });
    }

    /** A folder-name part from the sweep's name: letters, digits and dashes, at most 40. */
    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "sweep" : s;
    }

    /** Where new sweeps get their folders. */
    public Path sweepsDir() {
        return sweepsDir;
    }

    TaskExecutor executor() {
        return executor;
    }

    /**
     * "Export CSV…": the summary table as shown — every summary.csv column, the rows in the table's order — written to
     * {@code file} off the FX thread.
     *
     * @return completes on the FX thread with true once written, false (and a sentence in the status line) when not
     */
    public CompletableFuture<Boolean> exportCsv(List<SweepRow> inTableOrder, Path file) {
        String text = SweepRow.toCsv(List.copyOf(inTableOrder));
        return executor.supply(() -> {
            AtomicFile.write(file, text);
            return null;
        }).handle((done, error) -> {
            if (error != null) {
                status.set("Could not save " + file + ": " + TaskExecutor.cause(error).getMessage());
                return false;
            }
            status.set("Saved " + inTableOrder.size() + (inTableOrder.size() == 1 ? " row" : " rows") + " to " + file);
            return true;
        });
    }

    /** Puts a sentence in the status line (an export's result). */
    void say(String sentence) {
        status.set(sentence);
    }

    /**
     * The sweep folders under the sweeps folder, newest first (folders with a sweep.json).
     *
     * @return completes on the FX thread
     */
    public CompletableFuture<List<Path>> listSweeps() {
        return executor.supply(() -> {
            if (!java.nio.file.Files.isDirectory(sweepsDir)) {
                return List.<Path>of();
            }
            try (java.util.stream.Stream<Path> children = java.nio.file.Files.list(sweepsDir)) {
                return children.filter(d -> java.nio.file.Files.isRegularFile(d.resolve(SweepGrid.FILE)))
                        .sorted(Comparator.reverseOrder()).toList();
            }
        });
    }

    /** Tests: waits (on the FX thread) until the sweep has ended, and hands over everything it reported. */
    void awaitEnded() {
        sweepEnded.join();
        while (!frames.isEmpty()) {
            frames.drain();
        }
    }

    /** Draining the frame queue by hand (tests without an FX pulse). */
    void drainFrames() {
        frames.drain();
    }
}
