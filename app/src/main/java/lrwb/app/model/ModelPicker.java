package lrwb.app.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.form.InputField;
import lrwb.app.form.RunSetupForm;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.DataCache;
import lrwb.engine.data.DataException;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The model side of the model picker shared by the LR Finder and Training forms: the presets, a Keras or DL4J file,
 * the networks past training runs saved, and the layer editor, all ending as text in the form's model field (which
 * stays editable, and whose errors the form's validation sets). The runs folder is read off the FX thread.
 */
public final class ModelPicker {
    public static final String FILE_NOTE = "The run's optimizer and LR schedule replace the file's own.";

    private final RunSetupForm setup;
    private final Path runsDir;
    private final TaskExecutor executor;
    /** Where the layer editor reads the form's data to learn its shape: the run reads it there too. */
    private final DataCache data;
    private final ObservableList<SavedNetwork> savedNetworks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper savedNetworksNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    /** Counts the texts described, so a description that arrives after the text changed again is dropped. */
    private long describing;

    /**
     * @param runsDir where training runs save their networks (the workbench's runs folder)
     * @param data    where the layer editor reads the form's data
     */
    public ModelPicker(RunSetupForm setup, Path runsDir, TaskExecutor executor, DataCache data) {
        this.setup = setup;
        this.runsDir = runsDir;
        this.executor = executor;
        this.data = data;
        model().textProperty().addListener((o, a, text) -> describe(text));
        describe(model().text());
    }

    /**
     * The note for the field's text: for a file or a saved run, what the file holds (read off the FX thread: kind,
     * input, outputs, parameters), or why it cannot be used, and that the run's optimizer replaces the file's.
     */
    private void describe(String text) {
        long generation = ++describing;
        note.set(noteFor(text));
        if (!ModelText.isFileOrRun(text)) {
            return;
        }
        executor.supply(() -> FileContents.describe(text)).handle((what, error) -> {
            if (generation == describing) {
                note.set(error != null ? TaskExecutor.cause(error).getMessage() : what + ". " + FILE_NOTE);
            }
            return null;
        });
    }

    public InputField model() {
        return setup.model();
    }

    public List<String> presets() {
        return RunSetupForm.MODEL_PRESETS;
    }

    /** One line under the field when the network comes from a file or a run: what of the file is not used. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private static String noteFor(String text) {
        return ModelText.isFileOrRun(text) ? FILE_NOTE : "";
    }

    /** A Keras HDF5 file ({@code keras:PATH}) or a DL4J zip ({@code dl4j:PATH}). */
    public void useFile(Path file) {
        model().textProperty().set(ModelText.forFile(file));
    }

    /** The network a past training run saved ({@code run:DIR}). */
    public void useRun(SavedNetwork saved) {
        model().textProperty().set(ModelText.forRun(saved.dir()));
    }

    /** The layer editor's stack, as compact JSON. */
    public void useLayers(String json) {
        model().textProperty().set(json);
    }

    // ---- saved networks ----

    /** The training runs that saved a network, newest first, as last read by {@link #reloadSavedNetworks}. */
    public ObservableList<SavedNetwork> savedNetworks() {
        return savedNetworks;
    }

    /** Why the list is empty (none saved yet, the folder cannot be read); empty when it is not. */
    public ReadOnlyStringProperty savedNetworksNoteProperty() {
        return savedNetworksNote.getReadOnlyProperty();
    }

    /** Re-reads the runs folder off the FX thread; the future completes on the FX thread once the list is updated. */
    public CompletableFuture<Void> reloadSavedNetworks() {
        savedNetworksNote.set(savedNetworks.isEmpty() ? "Reading the runs folder…" : "");
        return executor.supply(() -> {
            List<SavedNetwork> found = new ArrayList<>();
            if (!Files.isDirectory(runsDir)) {
                return found;
            }
            for (RunCatalog.Entry e : new RunCatalog(runsDir).list().runs()) {
                if (e.record().kind() == RunKind.TRAINING && Files.isRegularFile(e.dir().resolve(RunFiles.MODEL))) {
                    found.add(new SavedNetwork(e.record().name(), e.dir()));
                }
            }
            return found;
        }).handle((found, error) -> {
            if (error != null) {
                savedNetworks.clear();
                savedNetworksNote.set("Cannot read " + runsDir + ": " + TaskExecutor.cause(error).getMessage());
            } else {
                savedNetworks.setAll(found);
                savedNetworksNote.set(found.isEmpty() ? "No training run has saved a network yet" : "");
            }
            return null;
        });
    }

    // ---- layer editor ----

    /**
     * An editor starting from the field's layers, loading the chosen data in the background for the summary; its
     * {@link LayerEditorViewModel#result()} goes back through {@link #useLayers}.
     */
    public LayerEditorViewModel editLayers() {
        LayerEditorViewModel editor = new LayerEditorViewModel(model().text(), executor, data);
        try {
            editor.loadShape(setup.dataOptions());
        } catch (DataException e) {
            editor.noData(e.getMessage());
        }
        return editor;
    }
}
