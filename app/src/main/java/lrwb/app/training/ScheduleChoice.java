package lrwb.app.training;

import lrwb.app.text.ScheduleSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.files.ScheduleLibrary;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.Unit;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The schedule part of the training form: a constant LR, a schedule saved from the Designer, reduce-on-plateau
 * with its main knobs, or a spec another workspace handed over. Validated like every other field: a message at
 * the field that names the rule.
 */
public final class ScheduleChoice {
    private final ScheduleLibrary library;
    private final ObjectProperty<ScheduleSource> source = new SimpleObjectProperty<>(ScheduleSource.CONSTANT);
    private final InputField constantLr = new InputField("learning rate", "0.01");
    private final ObservableList<String> savedNames = FXCollections.observableArrayList();
    private final InputField savedName = new InputField("saved schedule", "");
    private final InputField plateauLr = new InputField("initial LR", "0.01");
    private final InputField plateauFactor = new InputField("factor", "0.5");
    private final InputField plateauPatience = new InputField("patience", "2");
    private final ObjectProperty<PlateauSchedule.Monitor> plateauMonitor = new SimpleObjectProperty<>(PlateauSchedule.Monitor.VAL_LOSS);
    private final ObjectProperty<ScheduleSpec> given = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper givenText = new ReadOnlyStringWrapper("");

    /** A valid schedule and the few words that name it. */
    public record Chosen(ScheduleSpec spec, String label) {
    }

    public ScheduleChoice(ScheduleLibrary library) {
        this.library = library;
        given.addListener((o, was, now) -> givenText.set(now == null ? "" : ScheduleSummary.of(now)));
    }

    public ObjectProperty<ScheduleSource> sourceProperty() {
        return source;
    }

    public InputField constantLr() {
        return constantLr;
    }

    /** The Designer's saved schedules, as of the last {@link #reloadLibrary()}. */
    public ObservableList<String> savedNames() {
        return savedNames;
    }

    public InputField savedName() {
        return savedName;
    }

    public InputField plateauLr() {
        return plateauLr;
    }

    public InputField plateauFactor() {
        return plateauFactor;
    }

    public InputField plateauPatience() {
        return plateauPatience;
    }

    public ObjectProperty<PlateauSchedule.Monitor> plateauMonitorProperty() {
        return plateauMonitor;
    }

    /** The spec handed over by another workspace, in effect while the source is {@link ScheduleSource#GIVEN}. */
    public ObjectProperty<ScheduleSpec> givenProperty() {
        return given;
    }

    public ReadOnlyStringProperty givenTextProperty() {
        return givenText.getReadOnlyProperty();
    }

    /** Re-reads the names in schedules/; a problem listing them is shown at the field. The chosen name stays. */
    public void reloadLibrary() {
        try {
            List<String> names = library.names();
            String chosen = savedName.text();
            if (!names.equals(savedNames)) {
                // A combo showing this list may clear its value when the items are replaced: put the name back.
                savedNames.setAll(names);
                savedName.textProperty().set(chosen);
            }
            if (savedName.text().isEmpty() && !savedNames.isEmpty()) {
                savedName.textProperty().set(savedNames.get(0));
            }
        } catch (IOException e) {
            savedName.setError("cannot list the saved schedules: " + e.getMessage());
        }
    }

    /** Shows a schedule from elsewhere: a constant fills the LR field, anything else is used as it is. */
    public void use(ScheduleSpec spec) {
        if (spec instanceof ConstantSchedule c && c.unit() == Unit.ITERATION) {
            constantLr.textProperty().set(Double.toString(c.lr()));
            source.set(ScheduleSource.CONSTANT);
        } else {
            given.set(spec);
            source.set(ScheduleSource.GIVEN);
        }
    }

    /** A saved schedule read without marking any field (any thread: it reads the disk); null when it cannot be read. */
    ScheduleSpec savedQuietly(String name) {
        try {
            return name.isEmpty() ? null : library.load(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The chosen schedule, or null with the message at the field. */
    public Chosen read(FormErrors errors) {
        return switch (source.get()) {
            case CONSTANT -> readConstant(errors);
            case LIBRARY -> readSaved(errors);
            case PLATEAU -> readPlateau(errors);
            case GIVEN -> given.get() == null ? readConstant(errors) : new Chosen(given.get(), ScheduleSummary.of(given.get()));
        };
    }

    private Chosen readConstant(FormErrors errors) {
        double lr = constantLr.number(errors);
        if (constantLr.hasError()) {
            return null;
        }
        if (!(lr > 0)) {
            errors.add(constantLr, "learning rate must be > 0 (got " + constantLr.text() + ")");
            return null;
        }
        ConstantSchedule spec = new ConstantSchedule(lr);
        return new Chosen(spec, ScheduleSummary.of(spec));
    }

    private Chosen readSaved(FormErrors errors) {
        String name = savedName.text();
        if (name.isEmpty()) {
            errors.add(savedName, savedNames.isEmpty()
                    ? "no saved schedules yet: save one in the Designer, or pick another source"
                    : "choose a saved schedule");
            return null;
        }
        try {
            return new Chosen(library.load(name), name);
        } catch (NoSuchFileException e) {
            errors.add(savedName, "there is no saved schedule named \"" + name + "\" (any more)");
        } catch (InvalidSpecException e) {
            errors.add(savedName, "\"" + name + "\" is not a valid schedule: " + e.getMessage());
        } catch (IOException e) {
            errors.add(savedName, "cannot read \"" + name + "\": " + e.getMessage());
        }
        return null;
    }

    private Chosen readPlateau(FormErrors errors) {
        double lr = plateauLr.number(errors);
        double factor = plateauFactor.number(errors);
        long patience = plateauPatience.integer(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            PlateauSchedule.Monitor monitor = plateauMonitor.get();
            PlateauSchedule spec = new PlateauSchedule(lr, monitor, null, factor, patience, PlateauSchedule.DEFAULT_THRESHOLD,
                    PlateauSchedule.ThresholdMode.REL, 0, 0, PlateauSchedule.DEFAULT_EPS, Unit.ITERATION);
            return new Chosen(spec, ScheduleSummary.of(spec));
        } catch (InvalidSpecException e) {
            InputField field = e.field().endsWith("factor") ? plateauFactor : e.field().endsWith("patience") ? plateauPatience : plateauLr;
            errors.add(field, field.name() + " " + e.rule());
            return null;
        }
    }
}
