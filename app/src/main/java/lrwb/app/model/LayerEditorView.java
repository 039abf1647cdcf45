package lrwb.app.model;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lrwb.app.form.FieldView;
import lrwb.app.form.FormLayout;
import lrwb.app.form.InputField;
import lrwb.engine.model.layers.LayerRow;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The layer editor, a dialog over a {@link LayerEditorViewModel}: the layers in a table with Add, Remove and Move,
 * the selected layer's fields beside it (each with the engine's message under it), the stack's weight init and l2,
 * and underneath a summary as Keras prints it. OK is enabled while the layers make a valid stack.
 */
public final class LayerEditorView {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final LayerEditorViewModel vm;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TableView<LayerDraft> table = new TableView<>();
    private final VBox detail = new VBox(8);

    public LayerEditorView(LayerEditorViewModel vm) {
        this.vm = vm;
        dialog.setTitle("Edit layers");
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("layer-ok");
        ok.disableProperty().bind(vm.stackProperty().isNull());
        dialog.getDialogPane().setId("layer-editor");
        dialog.getDialogPane().getStylesheets().add(LayerEditorView.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefSize(920, 680);
    }

    /** Shows the dialog without waiting; OK hands the stack's compact JSON to {@code onOk}. */
    public void show(Window owner, Consumer<String> onOk) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                vm.result().ifPresent(onOk);
            }
        });
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    private Node content() {
        Label start = new Label();
        start.setId("layer-start-note");
        start.getStyleClass().add("hint");
        start.setWrapText(true);
        start.textProperty().bind(vm.startNoteProperty());
        start.visibleProperty().bind(vm.startNoteProperty().isNotEmpty());
        start.managedProperty().bind(start.visibleProperty());

        VBox layers = new VBox(6, FormLayout.section("Layers"), layerTable(), layerButtons());
        VBox.setVgrow(table, Priority.ALWAYS);
        layers.setPrefWidth(520);
        HBox.setHgrow(layers, Priority.ALWAYS);

        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("form-scroll");
        detailScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox side = new VBox(6, FormLayout.section("Selected layer"), detailScroll, FormLayout.section("Every layer"), stackFields());
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        side.setPrefWidth(300);
        side.setMinWidth(240);
        vm.selectedProperty().addListener((o, a, b) -> showDetail(b));
        showDetail(vm.selectedProperty().get());

        HBox top = new HBox(12, layers, side);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox box = new VBox(8, start, top, FormLayout.section("Summary"), summary());
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    // ---- layers ----

    private TableView<LayerDraft> layerTable() {
        table.setId("layer-table");
        table.setItems(vm.layers());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No layers: the data's features go straight into the softmax output. Add a layer."));
        TableColumn<LayerDraft, String> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(vm.layers().indexOf(c.getValue()))));
        index.setSortable(false);
        index.setPrefWidth(34);
        index.setMaxWidth(44);
        TableColumn<LayerDraft, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type().json()));
        type.setSortable(false);
        type.setPrefWidth(100);
        TableColumn<LayerDraft, String> settings = new TableColumn<>("Settings");
        // Follows both, so a cell shows each edit and each message as it happens.
        settings.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().errorProperty().get().isEmpty()
                ? c.getValue().settingsProperty().get() : ERROR_MARK + c.getValue().errorProperty().get(),
                c.getValue().settingsProperty(), c.getValue().errorProperty()));
        settings.setCellFactory(c -> new SettingsCell());
        settings.setSortable(false);
        table.getColumns().setAll(List.of(index, type, settings));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            if (b != null) {
                table.scrollTo(b);
            }
        });
        table.getSelectionModel().select(vm.selectedProperty().get());
        return table;
    }

    private static final String ERROR_MARK = "⚠ ";

    /** The layer's settings, or the engine's message about it in red; the tooltip shows all of it. */
    private static final class SettingsCell extends TableCell<LayerDraft, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().remove("field-error");
            if (empty || text == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text);
            if (text.startsWith(ERROR_MARK)) {
                getStyleClass().add("field-error");
            }
            tip.setText(text);
            setTooltip(tip);
        }
    }

    private HBox layerButtons() {
        MenuButton add = new MenuButton("Add");
        add.setId("layer-add");
        add.setTooltip(new Tooltip("Add a layer after the selected one"));
        for (LayerType t : LayerType.values()) {
            MenuItem item = new MenuItem(t.json());
            item.setId("layer-add-" + t.json());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.add(t));
            add.getItems().add(item);
        }
        Button remove = button("Remove", "layer-remove", "Remove the selected layer", vm::remove);
        Button up = button("Move up", "layer-up", "Move the selected layer one place up", vm::moveUp);
        Button down = button("Move down", "layer-down", "Move the selected layer one place down", vm::moveDown);
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        up.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.layers().indexOf(vm.selectedProperty().get()) <= 0,
                vm.selectedProperty(), vm.layers()));
        down.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            int at = vm.layers().indexOf(vm.selectedProperty().get());
            return at < 0 || at >= vm.layers().size() - 1;
        }, vm.selectedProperty(), vm.layers()));
        HBox row = new HBox(6, add, remove, up, down);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- the selected layer's fields ----

    private void showDetail(LayerDraft d) {
        if (d == null) {
            Label none = new Label("Select a layer to edit its settings.");
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            detail.getChildren().setAll(none);
            return;
        }
        Label title = new Label(d.type().json() + " · layer " + vm.layers().indexOf(d));
        title.getStyleClass().add("pane-subtitle");
        title.setId("layer-detail-title");
        List<Node> nodes = new ArrayList<>();
        nodes.add(title);
        if (d.type().fields().isEmpty()) {
            Label nothing = new Label("This layer has no settings.");
            nothing.getStyleClass().add("hint");
            nodes.add(nothing);
        }
        // Two fields a line: conv2d's six fit without scrolling.
        List<Region> fields = new ArrayList<>();
        for (LayerField spec : d.type().fields()) {
            InputField f = d.field(spec.name());
            String id = "layer-field-" + spec.name();
            FieldView view = spec.choices().isEmpty()
                    ? FieldView.text(f, id, spec.optional() ? "blank: the stack's l2 below" : null)
                    : FieldView.choices(f, id, null, spec.choices());
            fields.add(view.node());
        }
        for (int i = 0; i < fields.size(); i += 2) {
            nodes.add(i + 1 < fields.size() ? FormLayout.pair(fields.get(i), fields.get(i + 1)) : fields.get(i));
        }
        detail.getChildren().setAll(nodes);
    }

    private Node stackFields() {
        FieldView init = FieldView.choices(vm.weightInit(), "layer-weight-init",
                "auto: he for relu-like activations, xavier otherwise", LayerEditorViewModel.WEIGHT_INITS);
        FieldView l2 = FieldView.text(vm.l2(), "layer-l2", "Keras' kernel_regularizer=l2(c) on every dense and conv kernel");
        return FormLayout.pair(init.node(), l2.node());
    }

    // ---- summary ----

    private Node summary() {
        TableView<LayerRow> rows = new TableView<>(vm.summary());
        rows.setId("layer-summary");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LayerRow, String> layer = new TableColumn<>("Layer (type)");
        layer.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name() + " (" + c.getValue().type() + ")"));
        TableColumn<LayerRow, String> shape = new TableColumn<>("Output shape");
        shape.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().outputShape()));
        TableColumn<LayerRow, String> params = new TableColumn<>("Param #");
        params.setCellValueFactory(c -> new ReadOnlyStringWrapper(COUNT.format(c.getValue().params())));
        params.setStyle("-fx-alignment: CENTER-RIGHT;");
        for (TableColumn<LayerRow, String> c : List.of(layer, shape, params)) {
            c.setSortable(false);
            c.setPrefWidth(200);
        }
        rows.getColumns().setAll(List.of(layer, shape, params));
        rows.setPrefHeight(250);
        rows.setMinHeight(110);
        Label note = new Label();
        note.setId("layer-summary-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.summaryNoteProperty());
        vm.summaryNoteIsErrorProperty().addListener((o, a, bad) -> markError(note, bad));
        markError(note, vm.summaryNoteIsErrorProperty().get());
        rows.setPlaceholder(new Label(""));
        Label total = new Label();
        total.setId("layer-total");
        total.getStyleClass().add("suggestion-value");
        total.textProperty().bind(vm.totalProperty());
        total.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox line = new HBox(12, note, gap, total);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, rows, line);
    }

    private static void markError(Label l, boolean bad) {
        l.getStyleClass().removeAll("field-error", "hint");
        l.getStyleClass().add(bad ? "field-error" : "hint");
    }
}
