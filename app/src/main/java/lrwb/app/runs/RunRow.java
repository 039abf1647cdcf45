package lrwb.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lrwb.app.chart.NumberLabels;
import lrwb.app.text.ScheduleSummary;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One run in the Runs table. What it ran never changes; its name, status, best accuracy and duration are
 * properties updated in place on each refresh, so a live run's row (and its selection) stays while it grows.
 */
public final class RunRow {
    private final Path dir;
    private final String kind;
    private final String dataset;
    private final String model;
    private final String optimizer;
    private final String schedule;
    private final Instant startedAt;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper bestValAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(Double.NaN);

    RunRow(RunSnapshot s) {
        RunInfo info = s.info();
        JsonNode config = info.config();
        dir = s.dir();
        kind = info.kind();
        dataset = config.path("dataset").path("source").asText("–");
        model = config.path("model").asText("–");
        optimizer = config.path("optimizer").asText("–");
        schedule = isRangeTest() ? rangeText(config) : ScheduleSummary.of(config.get("schedule"));
        startedAt = info.startedAt();
        apply(s);
    }

    /** Takes the changing parts of a newer snapshot of the same folder. */
    void apply(RunSnapshot s) {
        name.set(s.info().name());
        status.set(s.info().status());
        message.set(s.info().message() == null ? "" : s.info().message());
        bestValAccuracy.set(s.bestValAccuracy());
        seconds.set(s.info().duration().toMillis() / 1000.0);
    }

    void rename(String newName) {
        name.set(newName);
    }

    private static String rangeText(JsonNode config) {
        return "range test " + NumberLabels.significant(config.path("startLr").asDouble(Double.NaN), 3) + " → "
                + NumberLabels.significant(config.path("endLr").asDouble(Double.NaN), 3) + " " + config.path("mode").asText("");
    }

    public Path dir() {
        return dir;
    }

    /** {@code training} or {@code rangeTest}, as run.json says. */
    public String kind() {
        return kind;
    }

    public boolean isRangeTest() {
        return RunSnapshot.RANGE_TEST.equals(kind);
    }

    public String kindLabel() {
        return isRangeTest() ? "range test" : RunSnapshot.TRAINING.equals(kind) ? "training" : kind;
    }

    public String dataset() {
        return dataset;
    }

    public String model() {
        return model;
    }

    public String optimizer() {
        return optimizer;
    }

    public String schedule() {
        return schedule;
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
        for (String s : new String[] {name.get(), kindLabel(), dataset, model, optimizer, schedule, status.get().json(),
                dir.getFileName().toString()}) {
            if (s != null && s.toLowerCase(java.util.Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
