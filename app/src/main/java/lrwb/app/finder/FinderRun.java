package lrwb.app.finder;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.Suggestions;

import java.nio.file.Path;

/**
 * One range test on the Finder's chart: live or reopened from disk. Points arrive a frame at a time on the
 * FX thread; the result (and its suggestions) once the test has ended.
 */
public final class FinderRun {
    private final String label;
    private final ObservableList<RangePoint> points = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Suggestions> suggestions = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RangeTestResult> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private int stepsPerEpoch;
    private lrwb.app.form.SetupHandOver setup;

    public FinderRun(String label, int stepsPerEpoch) {
        this.label = label;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** The data, network, optimizer and batch size it ran with (null when its record does not say). */
    public lrwb.app.form.SetupHandOver setup() {
        return setup;
    }

    void setSetup(lrwb.app.form.SetupHandOver setup) {
        this.setup = setup;
    }

    void setStepsPerEpoch(int steps) {
        this.stepsPerEpoch = steps;
    }

    public String label() {
        return label;
    }

    /** Batches per epoch of the data the test ran on (0 until known): the unit for schedules made from it. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public ObservableList<RangePoint> points() {
        return points;
    }

    public ReadOnlyObjectProperty<Suggestions> suggestionsProperty() {
        return suggestions.getReadOnlyProperty();
    }

    public Suggestions suggestions() {
        return suggestions.get();
    }

    public ReadOnlyObjectProperty<RangeTestResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    void finish(RangeTestResult r) {
        result.set(r);
        suggestions.set(r.suggestions());
    }

    void showSuggestions(Suggestions s) {
        suggestions.set(s);
    }
}
