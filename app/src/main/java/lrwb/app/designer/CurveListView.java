package lrwb.app.designer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * The left column: add schedules (presets, types, saved files), and the list of curves being compared,
 * where each can be shown or hidden, renamed (double-click or F2), duplicated, removed and reordered, all
 * from the keyboard too.
 */
final class CurveListView {
    private final DesignerViewModel vm;
    private final VBox root = new VBox(8);
    private final ListView<CurveModel> list = new ListView<>();

    CurveListView(DesignerViewModel vm) {
        this.vm = vm;
        Label title = new Label("Schedules");
        title.getStyleClass().add("pane-title");

        MenuButton presets = new MenuButton("Add a preset");
        presets.setId("add-preset");
        presets.setTooltip(new Tooltip("Add a schedule from common practice"));
        for (Preset p : Preset.ALL) {
            MenuItem item = new MenuItem(p.name());
            item.setId("preset-" + p.name().replaceAll("[^A-Za-z0-9]+", "-"));
            item.setOnAction(e -> vm.addPreset(p));
            presets.getItems().add(item);
        }
        MenuButton types = new MenuButton("Add a schedule type");
        types.setId("add-type");
        types.setTooltip(new Tooltip("Add any schedule type with starting values"));
        for (ScheduleTypes.Entry t : ScheduleTypes.ALL) {
            MenuItem item = new MenuItem(t.title() + "  —  " + t.type());
            item.setId("type-" + t.type());
            item.setOnAction(e -> vm.addType(t.type()));
            types.getItems().add(item);
        }
        MenuButton open = new MenuButton("Open a saved schedule");
        open.setId("open-saved");
        open.setTooltip(new Tooltip("Add a schedule saved in the workbench's schedules folder"));
        open.setOnShowing(e -> fillOpenMenu(open));
        open.getItems().add(new MenuItem("…"));
        VBox add = new VBox(6, presets, types, open);
        for (MenuButton b : List.of(presets, types, open)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }

        list.setId("curve-list");
        list.setItems(vm.curves());
        // Editable only while renaming: an always-editable list starts an edit when the selected row is
        // clicked again, which then swallows the list's keyboard shortcuts.
        list.setEditable(false);
        list.setCellFactory(v -> new CurveCell(this::rename));

        // The cell renames the curve itself; the default handler would replace the list item and drop the selection.
        list.setOnEditCommit(e -> { });
        list.setPlaceholder(new Label("Add a preset or a type\nto start comparing."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(b);
            }
        });
        if (vm.selected() != null) {
            list.getSelectionModel().select(vm.selected()); // selected before this view was built
        }
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        Button up = small("▲", "Move up (Alt+Up)", () -> vm.move(vm.selected(), -1));
        Button down = small("▼", "Move down (Alt+Down)", () -> vm.move(vm.selected(), +1));
        Button duplicate = small("Duplicate", "Duplicate (Ctrl+D)", () -> vm.duplicate(vm.selected()));
        Button remove = small("Remove", "Remove (Delete)", () -> vm.remove(vm.selected()));
        duplicate.setId("duplicate-curve");
        remove.setId("remove-curve");
        for (Button b : List.of(up, down, duplicate, remove)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(4, up, down, gap, duplicate, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label compare = new Label("Compared on the chart");
        compare.getStyleClass().add("hint");
        root.getChildren().addAll(title, add, compare, list, actions);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("designer-sidebar");
        // As narrow as its widest row of buttons (computed), never narrower: "Remove" is never cut.
        root.setPrefWidth(250);
        root.setMaxWidth(420);
    }

    VBox node() {
        return root;
    }

    ListView<CurveModel> list() {
        return list;
    }

    private Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> {
            if (vm.selected() != null) {
                action.run();
                list.requestFocus();
            }
        });
        return b;
    }

    /** The folder is listed off the FX thread: the menu says so until the names arrive. */
    private void fillOpenMenu(MenuButton open) {
        MenuItem reading = new MenuItem("Reading " + vm.library().home().schedules() + "…");
        reading.setDisable(true);
        open.getItems().setAll(reading);
        vm.savedNames().thenAccept(names -> showSaved(open, names));
    }

    private void showSaved(MenuButton open, List<String> names) {
        open.getItems().clear();
        if (names.isEmpty()) {
            MenuItem none = new MenuItem("No saved schedules in " + vm.library().home().schedules());
            none.setDisable(true);
            open.getItems().add(none);
            return;
        }
        for (String name : names) {
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setId("saved-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
            item.setOnAction(e -> vm.load(name));
            open.getItems().add(item);
        }
    }

    private void onKey(KeyEvent e) {
        CurveModel c = vm.selected();
        if (c == null || list.getEditingIndex() >= 0) {
            return;
        }
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            vm.remove(c);
        } else if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
            vm.duplicate(c);
        } else if (e.getCode() == KeyCode.UP && e.isAltDown()) {
            vm.move(c, -1);
        } else if (e.getCode() == KeyCode.DOWN && e.isAltDown()) {
            vm.move(c, +1);
        } else if (e.getCode() == KeyCode.SPACE) {
            c.visibleProperty().set(!c.visibleProperty().get());
        } else if (e.getCode() == KeyCode.F2) {
            rename(list.getSelectionModel().getSelectedIndex());
        } else {
            return;
        }
        e.consume();
    }

    /** Edits the name of the curve at {@code index} in place. */
    private void rename(int index) {
        if (index >= 0) {
            list.setEditable(true);
            list.edit(index);
        }
    }

    /** A row: visibility box, colour, name (editable in place), type. */
    private static final class CurveCell extends ListCell<CurveModel> {
        private final CheckBox shown = new CheckBox();
        private final Rectangle swatch = new Rectangle(14, 14);
        private final Label name = new Label();
        private final Label type = new Label();
        private final HBox row;
        private final TextField editor = new TextField();
        private CurveModel bound;

        CurveCell(java.util.function.IntConsumer rename) {
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !isEmpty() && !isEditing()) {
                    rename.accept(getIndex());
                }
            });
            shown.setTooltip(new Tooltip("Show on the chart (Space)"));
            shown.setFocusTraversable(false);
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            type.getStyleClass().add("hint");
            name.setMinWidth(0);
            VBox text = new VBox(0, name, type);
            row = new HBox(8, shown, swatch, text);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // Long names end in "…" instead of widening the list into a horizontal scroll.
            setPrefWidth(0);
            editor.setOnAction(e -> commitEdit(getItem()));
            editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(CurveModel item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                shown.selectedProperty().unbindBidirectional(bound.visibleProperty());
                name.textProperty().unbind();
                swatch.fillProperty().unbind();
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            bound = item;
            setTooltip(new Tooltip(item.name() + "\n" + ScheduleTypes.of(item.type()).description()
                    + "\nF2: rename · Space: show/hide · Ctrl+D: duplicate · Alt+↑/↓: move · Delete: remove"));
            shown.selectedProperty().bindBidirectional(item.visibleProperty());
            name.textProperty().bind(item.nameProperty());
            swatch.fillProperty().bind(item.colorProperty());
            type.setText(ScheduleTypes.title(item.type()));
            setGraphic(row);
        }

        @Override
        public void startEdit() {
            if (getItem() == null) {
                return;
            }
            super.startEdit();
            editor.setText(getItem().name());
            setGraphic(editor);
            editor.requestFocus();
            editor.selectAll();
        }

        @Override
        public void commitEdit(CurveModel item) {
            String text = editor.getText().strip();
            if (!text.isEmpty()) {
                item.nameProperty().set(text);
            }
            super.commitEdit(item);
            endRename();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            endRename();
        }

        /** Back to a read-only list (only after the edit has ended: ListView ignores edit(-1) when not editable). */
        private void endRename() {
            setGraphic(row);
            ListView<CurveModel> list = getListView();
            if (list != null && list.isEditable()) {
                list.setEditable(false);
                list.requestFocus(); // the keys go on working on the list
            }
        }
    }
}
