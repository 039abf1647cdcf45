package lrwb.app.runs;

import lrwb.app.compare.ComparedRun;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import lrwb.app.files.PngFile;
import lrwb.app.chart.CurveColors;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunConfig;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.sweep.SweepCatalog;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Runs workspace's state: every run folder on disk (range tests and training, live ones included), the
 * filter, the selection and the selected runs' curves for comparison, plus rename, delete and export. The disk
 * is read and written off the FX thread, on the injected executor; while a listed run is live the list re-reads
 * itself every few seconds. Every method is for the FX thread.
 */
public final class RunsViewModel {
    /** How often a list with live runs re-reads the disk: often enough to watch, rarely enough to cost nothing. */
    static final Duration LIVE_REFRESH = Duration.seconds(2);
    static final int MAX_NAME_LENGTH = 120;

    private final WorkbenchHome home;
    private final TaskExecutor executor;
    private Consumer<Path> inspector;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.nameProperty(), r.statusProperty(), r.problemsProperty()});
    private final FilteredList<RunRow> shown = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<KindFilter> kindFilter = new SimpleObjectProperty<>(KindFilter.ALL);
    private final ObservableList<RunRow> selection = FXCollections.observableArrayList();
    private final ObservableList<ComparedRun> compared = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(false);
    private final Map<Path, Color> colors = new HashMap<>();
    /** The colour another workspace already shows a run in (Training), so a run has one colour everywhere; or null. */
    private Function<Path, Color> knownColors = dir -> null;
    private Consumer<Path> onDeleted = dir -> { };
    private java.util.function.BiConsumer<Path, String> onRenamed = (dir, name) -> { };
    /** Read on the background thread only, one refresh at a time; remembers epochs.csv readings between refreshes. */
    private final RunCatalog catalog;
    /** The sweeps folder: each sweep is one row, its cells inside it (they are not in the runs folder). */
    private final SweepCatalog sweepCatalog;
    private Consumer<Path> sweepOpener;
    private final PauseTransition liveRefresh = new PauseTransition(LIVE_REFRESH);
    private Consumer<Path> trainingOpener;
    private Consumer<Path> rangeTestOpener;
    private java.util.function.BiConsumer<RunConfig, Path> continueTraining;
    private java.util.function.BiConsumer<RunConfig, Path> rangeTestFromWeights;
    private CompletableFuture<Void> refreshing;
    private boolean refreshAgain;
    private long compareGeneration;

    /** @param executor where the disk is read and written; results are shown when they arrive */
    public RunsViewModel(WorkbenchHome home, TaskExecutor executor) {
        this.home = home;
        this.executor = executor;
        this.catalog = new RunCatalog(home.runs());
        this.sweepCatalog = new SweepCatalog(home.sweeps());
        filterText.addListener((o, a, b) -> applyFilter());
        kindFilter.addListener((o, a, b) -> applyFilter());
        selection.addListener((javafx.collections.ListChangeListener<RunRow>) c -> loadCompared());
        liveRefresh.setOnFinished(e -> refresh());
    }

    /** Every run on disk, newest first. */
    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The rows that pass the filter (the table sorts a view of this). */
    public ObservableList<RunRow> shownRows() {
        return shown;
    }

    /** Text searched in name, kind, dataset, model, optimizer, schedule and status. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<KindFilter> kindFilterProperty() {
        return kindFilter;
    }

    /** The selected rows, in selection order; the view keeps it in step with the table. */
    public ObservableList<RunRow> selection() {
        return selection;
    }

    /** The selected runs' curves, once read from disk; each keeps its colour while it stays selected. */
    public ObservableList<ComparedRun> compared() {
        return compared;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** Folders that could not be listed (no or corrupt run.json), in one line; empty when all were fine. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /**
     * Whether a rename, delete or export is being written: until it is done another one is refused, so a
     * double click cannot delete a folder twice or rename a run that is being deleted.
     */
    public ReadOnlyBooleanProperty changingProperty() {
        return changing.getReadOnlyProperty();
    }

    /** Where "Open charts" sends a training run and a range test (the shell wires them to those workspaces). */
    /**
     * Runs that Training shows keep their Training colour here: {@code known} gives it for a run folder (null when
     * Training does not show the run).
     */
    public void setKnownColors(Function<Path, Color> known) {
        this.knownColors = known;
    }

    /** The colour a compared run is drawn in here, or null when it is not compared. */
    public Color colorOf(Path dir) {
        return colors.get(dir);
    }

    /** Told of a run folder deleted here, and of a run renamed here, so other workspaces follow. */
    public void setRecordListeners(Consumer<Path> deleted, java.util.function.BiConsumer<Path, String> renamed) {
        this.onDeleted = deleted;
        this.onRenamed = renamed;
    }

    public void setOpeners(Consumer<Path> training, Consumer<Path> rangeTest) {
        this.trainingOpener = training;
        this.rangeTestOpener = rangeTest;
    }

    /**
     * Where a training run's saved network goes: "Continue training" to the Training form, "Range test from these
     * weights" to the LR Finder's (the shell wires them, as it wires the openers).
     */
    public void setNetworkHandOvers(java.util.function.BiConsumer<RunConfig, Path> continueTraining,
                                    java.util.function.BiConsumer<RunConfig, Path> rangeTest) {
        this.continueTraining = continueTraining;
        this.rangeTestFromWeights = rangeTest;
    }

    /** Where "Open in Sweeps" sends a sweep's folder (the shell wires it to the Sweeps workspace). */
    public void setSweepOpener(Consumer<Path> sweeps) {
        this.sweepOpener = sweeps;
    }

    /** Where "Inspect…" opens a training run's folder (the shell wires it). */
    public void setInspector(Consumer<Path> inspector) {
        this.inspector = inspector;
    }

    /** Whether the row is a training run with a saved network to inspect. */
    public boolean canInspect(RunRow row) {
        return row != null && !row.isRangeTest() && row.hasSavedNetworkProperty().get() && inspector != null;
    }

    /** "Inspect…": the confusion matrix, misclassified images and decision boundary of the run's saved network. */
    public void inspect(RunRow row) {
        if (!canInspect(row)) {
            say(row == null ? "Select a training run" : "\"" + row.name() + "\" has no saved network to inspect", true);
            return;
        }
        inspector.accept(row.dir());
    }

    /** Whether the row is a training run that saved a network the hand-overs can start from. */
    public boolean canStartFromNetwork(RunRow row) {
        return row != null && !row.isRangeTest() && row.hasSavedNetworkProperty().get() && row.config().isKnown()
                && continueTraining != null;
    }

    /** "Continue training": the Training form filled from the run, model {@code run:DIR}. */
    public void continueTraining(RunRow row) {
        handOver(row, continueTraining);
    }

    /** "Range test from these weights": the LR Finder's form filled from the run, model {@code run:DIR}. */
    public void rangeTestFromWeights(RunRow row) {
        handOver(row, rangeTestFromWeights);
    }

    private void handOver(RunRow row, java.util.function.BiConsumer<RunConfig, Path> to) {
        if (!canStartFromNetwork(row) || to == null) {
            say(row == null ? "Select a training run" : "\"" + row.name() + "\" has no saved network to start from"
                    + " (a training run saves one after its first epoch)", true);
            return;
        }
        to.accept(row.config(), row.dir());
    }

    // ---- listing ----

    /** Re-reads the runs folder off the FX thread and merges it into the rows; the future completes on the FX thread. */
    public CompletableFuture<Void> refresh() {
        if (refreshing != null && !refreshing.isDone()) {
            refreshAgain = true; // something changed while reading: read once more afterwards
            return refreshing;
        }
        liveRefresh.stop();
        Path runsDir = home.runs();
        refreshing = executor.supply(() -> {
            RunCatalog.Listing listing = catalog.list();
            List<String> skipped = new ArrayList<>(listing.skipped());
            List<SweepCatalog.Entry> sweeps;
            try {
                sweeps = sweepCatalog.list();
            } catch (IOException e) {
                sweeps = List.of();
                skipped.add(home.sweeps() + ": cannot list (" + e.getMessage() + ")");
            }
            // Whether each saved a network is a look at the disk too: here, not on the FX thread.
            java.util.Set<Path> saved = new java.util.HashSet<>();
            for (RunCatalog.Entry e : listing.runs()) {
                if (Files.isRegularFile(e.dir().resolve(RunFiles.MODEL))) {
                    saved.add(e.dir());
                }
            }
            return new Object[] {listing.runs(), skipped, saved, sweeps};
        }).handle((result, error) -> {
            if (error != null) {
                say("Cannot list " + runsDir + ": " + TaskExecutor.cause(error).getMessage(), true);
            } else {
                @SuppressWarnings("unchecked")
                List<RunCatalog.Entry> snapshots = (List<RunCatalog.Entry>) result[0];
                @SuppressWarnings("unchecked")
                List<String> issues = (List<String>) result[1];
                @SuppressWarnings("unchecked")
                java.util.Set<Path> saved = (java.util.Set<Path>) result[2];
                @SuppressWarnings("unchecked")
                List<SweepCatalog.Entry> sweeps = (List<SweepCatalog.Entry>) result[3];
                merge(snapshots, saved, sweeps);
                long damaged = rows.stream().filter(RunRow::isDamaged).count();
                List<String> said = new ArrayList<>();
                if (damaged > 0) {
                    said.add(damaged + (damaged == 1 ? " run record is" : " run records are")
                            + " damaged (marked ⚠; the status tooltip says what is wrong)");
                }
                if (!issues.isEmpty()) {
                    said.add(issues.size() + " folder(s) skipped: " + String.join("; ", issues));
                }
                problems.set(String.join(" · ", said));
            }
            afterRefresh();
            return null;
        });
        return refreshing;
    }

    private void afterRefresh() {
        boolean live = rows.stream().anyMatch(r -> r.status() == RunStatus.RUNNING);
        if (live && selection.stream().anyMatch(r -> r.status() == RunStatus.RUNNING)) {
            loadCompared(); // the selected live runs have grown
        }
        if (refreshAgain) {
            refreshAgain = false;
            refreshing = null; // this read is over; start the next one now
            refresh();
        } else if (live) {
            liveRefresh.playFromStart();
        }
    }

    private void merge(List<RunCatalog.Entry> snapshots, java.util.Set<Path> savedNetworks, List<SweepCatalog.Entry> sweeps) {
        Map<Path, RunRow> byDir = new LinkedHashMap<>();
        rows.forEach(r -> byDir.put(r.dir(), r));
        List<RunRow> merged = new ArrayList<>();
        for (RunCatalog.Entry s : snapshots) {
            RunRow row = byDir.remove(s.dir());
            if (row == null || row.isSweep()) {
                row = new RunRow(s);
            } else {
                row.apply(s);
            }
            row.setSavedNetwork(savedNetworks.contains(s.dir()));
            merged.add(row);
        }
        for (SweepCatalog.Entry s : sweeps) {
            RunRow row = byDir.remove(s.dir());
            if (row == null || !row.isSweep()) {
                row = new RunRow(s);
            } else {
                row.apply(s);
            }
            // among the runs by when it started, newest first; the runs keep the catalog's order
            int at = 0;
            while (at < merged.size() && !startedBefore(merged.get(at), row)) {
                at++;
            }
            merged.add(at, row);
        }
        // Keep existing rows as objects (and so the table's selection); only add and remove what changed.
        rows.removeAll(byDir.values());
        selection.removeAll(byDir.values());
        for (int i = 0; i < merged.size(); i++) {
            if (i >= rows.size() || rows.get(i) != merged.get(i)) {
                if (rows.contains(merged.get(i))) {
                    rows.remove(merged.get(i));
                }
                rows.add(Math.min(i, rows.size()), merged.get(i));
            }
        }
        long sweepRows = rows.stream().filter(RunRow::isSweep).count();
        long runRows = rows.size() - sweepRows;
        say(runRows + (runRows == 1 ? " run" : " runs") + " in " + home.runs() + (sweepRows == 0 ? ""
                : " · " + sweepRows + (sweepRows == 1 ? " sweep" : " sweeps") + " in " + home.sweeps()), false);
    }

    private static boolean startedBefore(RunRow a, RunRow b) {
        return a.startedAt() != null && a.startedAt().isBefore(b.startedAt());
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        KindFilter kind = kindFilter.get();
        shown.setPredicate(r -> kind.accepts(r) && r.matches(text));
    }

    // ---- comparison ----

    private void loadCompared() {
        // a sweep has no curves of its own: its cells are compared in the Sweeps workspace
        List<RunRow> chosen = selection.stream().filter(r -> !r.isSweep()).toList();
        colors.keySet().retainAll(chosen.stream().map(RunRow::dir).toList());
        // First the runs Training shows, in its colours; then runs that stay selected keep theirs unless Training
        // has it; the others take what is left.
        List<Color> used = new ArrayList<>();
        for (RunRow r : chosen) {
            Color known = knownColors.apply(r.dir());
            if (known != null && !used.contains(known)) {
                colors.put(r.dir(), known);
                used.add(known);
            }
        }
        for (RunRow r : chosen) {
            Color kept = colors.get(r.dir());
            if (kept != null && !kept.equals(knownColors.apply(r.dir()))) {
                if (used.contains(kept)) {
                    colors.remove(r.dir());
                } else {
                    used.add(kept);
                }
            }
        }
        List<Color> assigned = new ArrayList<>();
        for (RunRow r : chosen) {
            Color c = colors.get(r.dir());
            if (c == null) {
                c = CurveColors.next(used);
                colors.put(r.dir(), c);
                used.add(c);
            }
            assigned.add(c);
        }
        long generation = ++compareGeneration;
        executor.supply(() -> {
            List<ComparedRun> out = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                try {
                    out.add(ComparedRun.read(chosen.get(i).dir(), chosen.get(i).name(), chosen.get(i).isRangeTest(), assigned.get(i)));
                } catch (IOException | RuntimeException e) {
                    failed.add(chosen.get(i).dir().getFileName() + ": " + e.getMessage());
                }
            }
            return new Object[] {out, failed};
        }).thenAccept(result -> {
            if (generation != compareGeneration) {
                return; // the selection changed while reading: a newer read is on its way
            }
            @SuppressWarnings("unchecked")
            List<ComparedRun> out = (List<ComparedRun>) result[0];
            @SuppressWarnings("unchecked")
            List<String> failed = (List<String>) result[1];
            compared.setAll(out);
            if (!failed.isEmpty()) {
                say("Could not read " + String.join("; ", failed), true);
            }
        });
    }

    // ---- actions ----

    /**
     * Renames a run (its run.json, written off the FX thread; the folder keeps its name).
     *
     * @return completes on the FX thread with true once renamed; false with a message when it cannot, and at
     *         once when the name is invalid, the run is live or another change is being written
     */
    public CompletableFuture<Boolean> rename(RunRow row, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.contains("\n")) {
            say("A run name must be 1 to " + MAX_NAME_LENGTH + " characters on one line (got \"" + name + "\")", true);
            return CompletableFuture.completedFuture(false);
        }
        if (row.isSweep()) {
            say("\"" + row.name() + "\" is a sweep: its name is its grid's, in its sweep.json", true);
            return CompletableFuture.completedFuture(false);
        }
        if (row.status() == RunStatus.RUNNING) {
            say("\"" + row.name() + "\" is still running: rename it once it has ended", true);
            return CompletableFuture.completedFuture(false);
        }
        if (changing.get()) {
            return CompletableFuture.completedFuture(false);
        }
        changing.set(true);
        Path dir = row.dir();
        return executor.supply(() -> RunRecord.read(dir).renamed(name)).handle((done, error) -> {
            changing.set(false);
            if (error != null) {
                say("Could not rename " + dir.getFileName() + ": " + TaskExecutor.cause(error).getMessage(), true);
                return false;
            }
            String old = row.name();
            row.rename(name);
            onRenamed.accept(dir, name); // the Training table shows the new name too
            loadComparedIfSelected(row);
            say("Renamed \"" + old + "\" to \"" + name + "\"", false);
            return true;
        });
    }

    private void loadComparedIfSelected(RunRow row) {
        if (selection.contains(row)) {
            loadCompared();
        }
    }

    /**
     * Deletes the runs' folders from disk, off the FX thread; live runs are refused.
     *
     * @return completes on the FX thread with how many were deleted (0 at once while another change is being written)
     */
    public CompletableFuture<Integer> delete(List<RunRow> toDelete) {
        if (changing.get()) {
            return CompletableFuture.completedFuture(0);
        }
        List<RunRow> live = toDelete.stream().filter(r -> r.status() == RunStatus.RUNNING).toList();
        List<RunRow> ended = toDelete.stream().filter(r -> !live.contains(r)).toList();
        changing.set(true);
        return executor.supply(() -> {
            Map<RunRow, String> failures = new LinkedHashMap<>();
            for (RunRow r : ended) {
                try {
                    deleteTree(r.dir());
                } catch (IOException e) {
                    failures.put(r, r.dir().getFileName() + ": " + e.getMessage());
                }
            }
            return failures;
        }).handle((failures, error) -> {
            changing.set(false);
            Map<RunRow, String> failed = failures != null ? failures : new LinkedHashMap<>();
            if (error != null) { // not one folder could be looked at
                ended.forEach(r -> failed.put(r, r.dir().getFileName() + ": " + TaskExecutor.cause(error).getMessage()));
            }
            int deleted = 0;
            for (RunRow r : ended) {
                if (!failed.containsKey(r)) {
                    rows.remove(r);
                    selection.remove(r);
                    onDeleted.accept(r.dir()); // and Training drops it from its table and charts
                    deleted++;
                }
            }
            StringBuilder text = new StringBuilder("Deleted " + deleted + (deleted == 1 ? " run" : " runs"));
            if (!live.isEmpty()) {
                text.append("; ").append(live.size()).append(" still running, stop ").append(live.size() == 1 ? "it" : "them")
                        .append(" first");
            }
            if (!failed.isEmpty()) {
                text.append("; could not delete ").append(String.join("; ", failed.values()));
            }
            say(text.toString(), !live.isEmpty() || !failed.isEmpty());
            return deleted;
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Copies one of a run's metrics files (complete, as recorded) to {@code file}, off the FX thread.
     *
     * @return completes on the FX thread with true once written, false with a message when it was not
     */
    public CompletableFuture<Boolean> exportCsv(RunRow row, MetricsFile which, Path file) {
        Path source = row.dir().resolve(which.fileName());
        String runName = row.name();
        return executor.supply(() -> {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            return null;
        }).handle((done, error) -> {
            if (error != null) {
                say("CSV not written to " + file + ": " + TaskExecutor.cause(error).getMessage(), true);
                return false;
            }
            say("Exported " + which.fileName() + " of \"" + runName + "\" to " + file, false);
            return true;
        });
    }

    /** Where an export goes unless the user picks another place: {@code exports/} in the workbench home. */
    public Path suggestedExportFile(String what, String extension) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return home.root().resolve("exports").resolve(what + "-" + stamp + "." + extension);
    }

    /** Writes a chart image taken on the FX thread to {@code file}, off the FX thread, and says how it went. */
    public CompletableFuture<Void> exportPng(BufferedImage image, Path file) {
        return PngFile.write(executor, image, file).thenAccept(failure -> reportExport(file, failure));
    }

    /** How a PNG export went. */
    public void reportExport(Path file, IOException failure) {
        say(failure == null ? "Exported the comparison charts to " + file : "Charts not written to " + file + ": " + failure.getMessage(),
                failure != null);
    }

    public boolean canOpen(RunRow row) {
        return row != null && opener(row) != null;
    }

    private Consumer<Path> opener(RunRow row) {
        return row.isSweep() ? sweepOpener : row.isRangeTest() ? rangeTestOpener : trainingOpener;
    }

    /**
     * Opens the run's own charts in its workspace (Training, or the LR Finder for a range test); a sweep opens in
     * Sweeps, with its cells.
     */
    public void open(RunRow row) {
        if (!canOpen(row)) {
            say(row == null ? "Select a run to open" : "\"" + row.name() + "\" opens in the " + (row.isSweep() ? "Sweeps workspace"
                    : row.isRangeTest() ? "LR Finder" : "Training workspace") + ", which is not available here", true);
            return;
        }
        opener(row).accept(row.dir());
    }

    private void say(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }
}
