package lrwb.app.model;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.form.InputField;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.DataCache;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.layers.LayerRow;
import lrwb.engine.model.layers.LayerSpec;
import lrwb.engine.model.layers.LayerSpecException;
import lrwb.engine.model.layers.LayerStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layer editor's state: the layers as typed, the stack's weightInit and l2, the engine's messages on the fields
 * they are about, and a summary like Keras' {@code model.summary()} against the chosen data's shape. Every edit is
 * checked at once by the engine's own records, so what OK writes is a stack the engine reads back. The data is loaded
 * off the FX thread through the executor; every method is for the FX thread.
 */
public final class LayerEditorViewModel {
    /** The weightInit text meaning "none set": he for relu-like activations, xavier otherwise, per layer. */
    public static final String AUTO = "auto";
    public static final List<String> WEIGHT_INITS = List.of(AUTO, LayerStack.HE, LayerStack.XAVIER);

    private final TaskExecutor executor;
    private final DataCache data;
    private final ObservableList<LayerDraft> layers = FXCollections.observableArrayList(
            d -> new Observable[] {d.settingsProperty(), d.errorProperty()});
    private final ObjectProperty<LayerDraft> selected = new SimpleObjectProperty<>();
    private final InputField weightInit = new InputField("weight init", AUTO);
    private final InputField l2 = new InputField("l2", "0");
    private final ReadOnlyObjectWrapper<LayerStack> stack = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<NetworkShape> shape = new SimpleObjectProperty<>();
    private final ObservableList<LayerRow> summary = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper summaryNoteIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper startNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataName = new ReadOnlyStringWrapper("");
    private String dataProblem = "";
    private boolean loadingData;
    private long dataGeneration;

    /**
     * @param modelText the model field's text: its layers are where the editor starts
     * @param data      where the form's data is read to learn its shape (shared with the runs, read once)
     */
    public LayerEditorViewModel(String modelText, TaskExecutor executor, DataCache data) {
        this.executor = executor;
        this.data = data;
        weightInit.textProperty().addListener((o, a, b) -> check());
        l2.textProperty().addListener((o, a, b) -> check());
        shape.addListener((o, a, b) -> check());
        Optional<Path> file = StartingStack.jsonFile(modelText);
        if (file.isPresent()) {
            Path json = file.get();
            startNote.set("Reading " + json.getFileName() + "…");
            executor.supply(() -> LayerStack.parse(Files.readString(json))).handle((read, error) -> {
                if (error != null) {
                    startNote.set(json.getFileName() + " does not read (" + TaskExecutor.cause(error).getMessage()
                            + "): starting from no layers.");
                    load(StartingStack.EMPTY);
                } else {
                    startNote.set("Starting from " + json.getFileName() + "; OK writes the layers into the field.");
                    load(read);
                }
                return null;
            });
        } else {
            StartingStack start = StartingStack.of(modelText);
            startNote.set(start.note());
            load(start.stack());
        }
    }

    private void load(LayerStack start) {
        List<LayerDraft> drafts = new ArrayList<>();
        start.layers().forEach(layer -> drafts.add(draft(layer)));
        layers.setAll(drafts);
        weightInit.textProperty().set(start.weightInit() == null ? AUTO : start.weightInit());
        l2.textProperty().set(lrwb.engine.schedule.NumberText.of(start.l2()));
        selected.set(drafts.isEmpty() ? null : drafts.get(0));
        check();
    }

    private LayerDraft draft(LayerSpec layer) {
        LayerDraft d = new LayerDraft(layer);
        d.fields().forEach(f -> f.textProperty().addListener((o, a, b) -> check()));
        return d;
    }

    // ---- the layers ----

    public ObservableList<LayerDraft> layers() {
        return layers;
    }

    public ObjectProperty<LayerDraft> selectedProperty() {
        return selected;
    }

    /** Adds a fresh layer of that type after the selected one (at the end when none is), and selects it. */
    public LayerDraft add(LayerType type) {
        LayerDraft d = draft(type.fresh());
        int at = selected.get() == null ? layers.size() : layers.indexOf(selected.get()) + 1;
        layers.add(at, d);
        selected.set(d);
        check();
        return d;
    }

    /** Removes the selected layer; its neighbour below (or above, at the end) becomes selected. */
    public void remove() {
        int at = layers.indexOf(selected.get());
        if (at < 0) {
            return;
        }
        layers.remove(at);
        selected.set(layers.isEmpty() ? null : layers.get(Math.min(at, layers.size() - 1)));
        check();
    }

    public void moveUp() {
        move(-1);
    }

    public void moveDown() {
        move(1);
    }

    private void move(int by) {
        LayerDraft d = selected.get();
        int at = layers.indexOf(d);
        int to = at + by;
        if (at < 0 || to < 0 || to >= layers.size()) {
            return;
        }
        layers.remove(at);
        layers.add(to, d);
        selected.set(d);
        check();
    }

    public InputField weightInit() {
        return weightInit;
    }

    public InputField l2() {
        return l2;
    }

    // ---- the result ----

    /** The stack the layers and fields make, or null while one of them breaks a rule. */
    public ReadOnlyObjectProperty<LayerStack> stackProperty() {
        return stack.getReadOnlyProperty();
    }

    /** The stack's compact JSON for the model field, or empty while something is wrong. */
    public Optional<String> result() {
        return Optional.ofNullable(stack.get()).map(LayerStack::toJson);
    }

    /** Where the layers came from (a preset, an mlp, a file), or why the editor starts empty. */
    public ReadOnlyStringProperty startNoteProperty() {
        return startNote.getReadOnlyProperty();
    }

    // ---- the summary ----

    /** The data the summary is computed on; null while none is known. */
    public ObjectProperty<NetworkShape> shapeProperty() {
        return shape;
    }

    /** Loads the data off the FX thread to learn its shape; a data problem shows in the summary's note. */
    public void loadShape(DataOptions data) {
        long generation = ++dataGeneration;
        loadingData = true;
        dataProblem = "";
        dataName.set(data.source());
        check();
        executor.supply(() -> NetworkShape.of(this.data.load(data))).handle((loaded, error) -> {
            if (generation != dataGeneration) {
                return null;
            }
            loadingData = false;
            dataProblem = error == null ? "" : String.valueOf(TaskExecutor.cause(error).getMessage());
            if (loaded != null && loaded.equals(shape.get())) {
                check();
            } else {
                shape.set(loaded); // checks
            }
            return null;
        });
    }

    /** No data to load (the dataset field is empty or wrong): the summary says to choose one. */
    public void noData(String why) {
        ++dataGeneration;
        loadingData = false;
        dataProblem = why == null ? "" : why;
        dataName.set("");
        shape.set(null);
        check();
    }

    public ObservableList<LayerRow> summary() {
        return summary;
    }

    /** E.g. {@code Total params: 1,250,858}; empty while there are no rows. */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Why there are no rows (no data yet, a layer that does not fit it), or the data they are for. */
    public ReadOnlyStringProperty summaryNoteProperty() {
        return summaryNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty summaryNoteIsErrorProperty() {
        return summaryNoteIsError.getReadOnlyProperty();
    }

    // ---- checking ----

    /** Builds the stack from the texts; each message goes to its field and row, the summary follows. */
    private void check() {
        List<LayerSpec> specs = new ArrayList<>();
        String firstProblem = "";
        for (int i = 0; i < layers.size(); i++) {
            LayerDraft d = layers.get(i);
            d.fields().forEach(f -> f.setError(""));
            try {
                specs.add(d.type().build(d.texts()));
                d.setError("");
            } catch (LayerSpecException e) {
                String message = "layers[" + i + "]" + (e.field().isEmpty() ? " " : ".") + e.getMessage();
                d.setError(message);
                if (d.field(e.field()) != null) {
                    d.field(e.field()).setError(message);
                }
                firstProblem = firstProblem.isEmpty() ? message : firstProblem;
            }
        }
        weightInit.setError("");
        l2.setError("");
        LayerStack built = null;
        Double l2Value = null;
        try {
            l2Value = Double.parseDouble(l2.text());
        } catch (NumberFormatException e) {
            l2.setError("l2 must be a number, e.g. 0 or 1e-4 (got '" + l2.text() + "')");
        }
        if (firstProblem.isEmpty() && l2Value != null) {
            try {
                built = new LayerStack(specs, weightInit.text().equals(AUTO) ? null : weightInit.text(), l2Value);
            } catch (LayerSpecException e) {
                if (e.field().equals("weightInit")) {
                    weightInit.setError(e.getMessage());
                } else if (e.field().equals("l2")) {
                    l2.setError(e.getMessage());
                } else {
                    firstProblem = e.getMessage();
                }
            }
        }
        stack.set(built);
        summarise(built, firstProblem.isEmpty() ? (built == null ? "Fix the stack's fields to see the summary." : "")
                : "Fix " + firstProblem);
    }

    private void summarise(LayerStack built, String problem) {
        NetworkShape data = shape.get();
        String note;
        boolean isError = false;
        List<LayerRow> rows = List.of();
        long params = -1;
        if (built == null) {
            note = problem;
            isError = true;
        } else if (loadingData) {
            note = "Loading " + dataName.get() + " to see the shapes…";
        } else if (!dataProblem.isEmpty()) {
            note = "Choose a dataset to see shapes (" + dataProblem + ")";
            isError = true;
        } else if (data == null) {
            note = "Choose a dataset to see shapes.";
        } else {
            Optional<String> mismatch = built.mismatch(data);
            if (mismatch.isPresent()) {
                note = mismatch.get();
                isError = true;
            } else {
                rows = built.summary(data);
                params = built.totalParams(data);
                note = "On " + (dataName.get().isEmpty() ? "the data" : dataName.get()) + ": " + data + ".";
            }
        }
        summary.setAll(rows);
        total.set(params < 0 ? "" : "Total params: " + NumberFormat.getIntegerInstance(Locale.ROOT).format(params));
        summaryNote.set(note);
        summaryNoteIsError.set(isError);
    }
}
