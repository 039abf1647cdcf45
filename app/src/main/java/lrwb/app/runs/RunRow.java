package lrwb.app.runs;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lrwb.app.chart.NumberLabels;
import lrwb.app.model.ModelText;
import lrwb.app.text.ScheduleSummary;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunConfig;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.RunStatus;

import lrwb.engine.sweep.SweepCatalog;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * One run in the Runs table. What it ran never changes; its name, status, best accuracy and duration are
 * properties updated in place on each refresh, so a live run's row (and its selection) stays while it grows.
 * A sweep is one row too (kind "sweep", its cells inside it): what its cells ran, its cells done of all.
 */
public final class RunRow {
    /** The Kind column's word for a sweep (a sweep is no run kind of run.json: its cells are training runs). */
    static final String SWEEP_KIND = "sweep";
    private final Path dir;
    /** null for a sweep */
    private final RunKind kind;
    private final ReadOnlyStringWrapper cells = new ReadOnlyStringWrapper("");
    /** A sweep's cells' batch sizes and epochs ("16", "2, 4"); null for a run, whose config says them. */
    private final String sweepBatches;
    private final String sweepEpochs;
    private final String dataset;
    private final String model;
    private final String modelText;
    private final RunConfig config;
    private final javafx.beans.property.ReadOnlyBooleanWrapper savedNetwork = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final String optimizer;
    private final String schedule;
    /** Every schedule of a sweep's cells, one a line (the Schedule column's tooltip); null for a run. */
    private final String sweepSchedules;
    private final Instant startedAt;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper bestValAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(Double.NaN);

    RunRow(RunCatalog.Entry entry) {
        RunRecord record = entry.record();
        RunConfig config = record.config();
        dir = record.dir();
        kind = record.kind();
        dataset = config.data() == null ? "–" : config.data().source();
        this.config = config;
        modelText = config.model() == null ? "" : config.model().describe();
        model = config.model() == null ? "–" : ModelText.readable(modelText);
        optimizer = config.optimizer() == null ? "–" : config.optimizer().shortName();
        schedule = config.rangeTest() != null ? rangeText(config.rangeTest().config())
                : config.training() != null ? ScheduleSummary.of(config.training().schedule()) : "–";
        sweepSchedules = null;
        startedAt = record.info().startedAt();
        sweepBatches = null;
        sweepEpochs = null;
        apply(entry);
    }

    RunRow(SweepCatalog.Entry entry) {
        dir = entry.dir();
        kind = null;
        config = new RunConfig(null, null, 0, 0, 0);
        List<TrainingRequest> requests = entry.grid() == null ? List.of()
                : entry.grid().cells().stream().map(SweepCell::request).toList();
        dataset = distinct(requests, r -> r.data().source());
        modelText = distinct(requests, r -> r.model().describe());
        model = distinct(requests, r -> ModelText.readable(r.model().describe()));
        optimizer = distinct(requests, r -> r.optimizer().shortName());
        List<String> schedules = List.copyOf(new LinkedHashSet<>(requests.stream().map(r -> ScheduleSummary.of(r.schedule())).toList()));
        // one schedule reads in the cell; several would not fit it: their count, and each in the tooltip
        schedule = schedules.isEmpty() ? "–" : schedules.size() == 1 ? schedules.get(0) : schedules.size() + " schedules";
        sweepSchedules = schedules.size() > 1 ? String.join("\n", schedules) : null;
        sweepBatches = distinct(requests, r -> String.valueOf(r.batchSize()));
        sweepEpochs = distinct(requests, r -> String.valueOf(r.epochs()));
        startedAt = entry.startedAt();
        apply(entry);
    }

    /** The values the cells take, in grid order, each once ("sgd, adam"); "–" when unknown. */
    private static String distinct(List<TrainingRequest> requests, Function<TrainingRequest, String> value) {
        String s = String.join(", ", new LinkedHashSet<>(requests.stream().map(value).toList()));
        return s.isEmpty() ? "–" : s;
    }

    /** Takes the changing parts of a newer reading of the same sweep folder. */
    void apply(SweepCatalog.Entry entry) {
        name.set(entry.name());
        status.set(entry.status());
        cells.set(entry.cellsDone() + "/" + entry.cellsTotal());
        problems.set(String.join("; ", entry.problems()));
        String said = entry.cellsDone() + " of " + entry.cellsTotal() + " cells finished"
                + (entry.status() == RunStatus.INTERRUPTED ? "; open it in Sweeps to resume the rest" : "");
        message.set(isDamaged() ? "Damaged record: " + problems.get() + ". " + said : said);
        bestValAccuracy.set(Double.NaN);
        seconds.set(Double.NaN);
    }

    /** Takes the changing parts of a newer reading of the same folder. */
    void apply(RunCatalog.Entry entry) {
        RunRecord record = entry.record();
        name.set(record.name());
        status.set(record.status());
        String said = record.info().message() == null ? "" : record.info().message();
        problems.set(String.join("; ", record.problems()));
        message.set(record.isDamaged() ? ("Damaged record: " + problems.get() + (said.isEmpty() ? "" : ". " + said)) : said);
        bestValAccuracy.set(entry.bestValAccuracy());
        seconds.set(record.duration().toMillis() / 1000.0);
    }

    void rename(String newName) {
        name.set(newName);
    }

    private static String rangeText(RangeTestConfig config) {
        return "range test " + NumberLabels.significant(config.startLr(), 3) + " → "
                + NumberLabels.significant(config.endLr(), 3) + " " + config.mode().json();
    }

    public Path dir() {
        return dir;
    }

    public RunKind kind() {
        return kind;
    }

    /** A sweep: one row for its folder, opened in the Sweeps workspace. */
    public boolean isSweep() {
        return kind == null;
    }

    /** A sweep's cells finished of all ("3/4"); empty for a run. */
    public ReadOnlyStringProperty cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    public boolean isRangeTest() {
        return kind == RunKind.RANGE_TEST;
    }

    public String kindLabel() {
        return kind == null ? SWEEP_KIND : kind.label();
    }

    /** What is wrong with the record on disk, empty for a sound one: the table flags such rows. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public boolean isDamaged() {
        return !problems.get().isEmpty();
    }

    public String dataset() {
        return dataset;
    }

    public String model() {
        return model;
    }

    /** The model as recorded, in full (a path, a layer spec's JSON): the model cell's tooltip. */
    public String modelText() {
        return modelText;
    }

    /** What it ran, as the engine's own request (see {@link RunConfig#isKnown()}). */
    public RunConfig config() {
        return config;
    }

    /** A training run whose folder holds its saved network ({@code model.zip}); set by each refresh. */
    public javafx.beans.property.ReadOnlyBooleanProperty hasSavedNetworkProperty() {
        return savedNetwork.getReadOnlyProperty();
    }

    void setSavedNetwork(boolean saved) {
        savedNetwork.set(saved);
    }

    public String optimizer() {
        return optimizer;
    }

    /** Examples per update (a sweep: its cells'); "–" when the record does not say. */
    public String batchSize() {
        if (sweepBatches != null) {
            return sweepBatches;
        }
        return config.batchSize() > 0 ? String.valueOf(config.batchSize()) : "–";
    }

    /** The epochs a training run was planned for (a sweep: its cells'); "–" for a range test (it counts iterations, not epochs). */
    public String epochs() {
        if (sweepEpochs != null) {
            return sweepEpochs;
        }
        return config.training() != null ? String.valueOf(config.training().epochs()) : "–";
    }

    public String schedule() {
        return schedule;
    }

    /** A sweep's schedules, one a line, when there are several (the Schedule column then says how many); else null. */
    public String sweepSchedules() {
        return sweepSchedules;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String name() {
        return name.get();
    }

    public ReadOnlyObjectProperty<RunStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public RunStatus status() {
        return status.get();
    }

    /** How it ended (why it failed, diverged or was interrupted); empty while running or when nothing was said. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bestValAccuracyProperty() {
        return bestValAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** Whether {@code text} (lower case) occurs in any of the columns a person would search. */
    boolean matches(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (String s : new String[] {name.get(), kindLabel(), dataset, model, modelText, optimizer, schedule, sweepSchedules,
                status.get().label(), dir.getFileName().toString()}) {
            if (s != null && s.toLowerCase(java.util.Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
