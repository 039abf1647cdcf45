package lrwb.app.model;

import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lrwb.app.form.FieldView;

import java.io.File;

/**
 * The model field of the LR Finder and Training forms: an editable list of presets, and beside it a small menu to
 * open a model file, take the network of a past training run, or edit layers. Under it the field's error and, for a
 * file or a run, the one-line note of {@link ModelPicker#noteProperty()}. Ids: {@code id} for the input,
 * {@code id-menu}, {@code id-note}, {@code id-error}.
 */
public final class ModelPickerView {
    /** What the field takes, for its tooltip's first line. */
    public static final String HINT = "mlp:H1,H2,..., cnn, mnist-mlp, lenet5, cifar-cnn, layer JSON, keras:FILE, dl4j:FILE or run:DIR";
    private final ModelPicker picker;
    private final FieldView field;
    private final Menu savedMenu = new Menu("Saved networks of past runs");

    public ModelPickerView(ModelPicker picker, String id, String hint) {
        this.picker = picker;
        MenuItem open = new MenuItem("Open model file…");
        open.setId(id + "-open-file");
        open.setOnAction(e -> chooseFile());
        savedMenu.setId(id + "-saved");
        MenuItem edit = new MenuItem("Edit layers…");
        edit.setId(id + "-edit-layers");
        edit.setOnAction(e -> editLayers());
        MenuButton menu = new MenuButton("…", null, open, savedMenu, new SeparatorMenuItem(), edit);
        menu.setId(id + "-menu");
        menu.setTooltip(new Tooltip("Open a Keras or DL4J model file, train on from a past run's network, or edit layers"));
        menu.setOnShowing(e -> picker.reloadSavedNetworks().thenRun(this::fillSavedMenu));
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fillSavedMenu();

        Label note = new Label();
        note.setId(id + "-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(picker.noteProperty());
        note.visibleProperty().bind(picker.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        field = FieldView.choices(picker.model(), id, null, picker.presets()).withBeside(menu).withNote(note);
        // A long path or layer JSON would widen the form: the field shows its start, the tooltip all of it.
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(520);
        full.textProperty().bind(picker.model().textProperty().map(t -> hint + "\n\nNow: " + t));
        field.comboBox().setTooltip(full);
    }

    public VBox node() {
        return field.node();
    }

    private void fillSavedMenu() {
        savedMenu.getItems().clear();
        for (SavedNetwork saved : picker.savedNetworks()) {
            MenuItem item = new MenuItem(saved.label());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> picker.useRun(saved));
            savedMenu.getItems().add(item);
        }
        if (savedMenu.getItems().isEmpty()) {
            String why = picker.savedNetworksNoteProperty().get();
            MenuItem none = new MenuItem(why.isEmpty() ? "No training run has saved a network yet" : why);
            none.setDisable(true);
            savedMenu.getItems().add(none);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Model files (Keras .h5/.hdf5, DL4J .zip)", "*.h5", "*.hdf5", "*.zip"),
                new FileChooser.ExtensionFilter("Keras HDF5", "*.h5", "*.hdf5"),
                new FileChooser.ExtensionFilter("DL4J ModelSerializer zip", "*.zip"));
        File f = chooser.showOpenDialog(field.node().getScene().getWindow());
        if (f != null) {
            picker.useFile(f.toPath());
        }
    }

    /** Opens the layer editor; OK writes its layers into the field. */
    public LayerEditorView editLayers() {
        LayerEditorView editor = new LayerEditorView(picker.editLayers());
        editor.show(field.node().getScene().getWindow(), picker::useLayers);
        return editor;
    }
}
