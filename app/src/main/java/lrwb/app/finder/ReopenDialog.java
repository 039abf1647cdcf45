package lrwb.app.finder;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "Reopen…": the range tests saved in the runs folder (name, date, dataset, model, how it ended), newest first, to
 * pick one by double-click or Open; "Other folder…" for a run folder elsewhere (an {@code lrwb find --out} folder).
 * Tests already on the chart say so; opening one selects it. Not modal to the thread: the choice arrives through
 * {@code chosen}, so nothing waits on the FX thread while the list is read.
 */
final class ReopenDialog {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType OTHER = new ButtonType("Other folder…", ButtonBar.ButtonData.LEFT);

    private ReopenDialog() {
    }

    static Dialog<Path> show(Window owner, FinderViewModel vm, Consumer<Path> chosen) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Reopen a range test");
        dialog.setHeaderText("Saved range tests, newest first");
        dialog.setResizable(true);

        TableView<SavedRangeTest> table = new TableView<>();
        table.setId("reopen-table");
        table.setPlaceholder(new Label("Reading the runs folder…"));
        table.getColumns().add(column("Name", 220, t -> t.name() + (vm.isOnChart(t.dir()) ? "  (on the chart)" : "")));
        table.getColumns().add(column("Started", 130, SavedRangeTest::when));
        table.getColumns().add(column("Dataset", 110, SavedRangeTest::dataset));
        table.getColumns().add(column("Model", 130, SavedRangeTest::model));
        table.getColumns().add(column("Ended", 80, SavedRangeTest::status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(700, 320);
        table.setRowFactory(t -> {
            TableRow<SavedRangeTest> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    dialog.setResult(row.getItem().dir());
                }
            });
            return row;
        });
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().addAll(OPEN, OTHER, ButtonType.CANCEL);
        Button open = (Button) dialog.getDialogPane().lookupButton(OPEN);
        open.setId("reopen-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button other = (Button) dialog.getDialogPane().lookupButton(OTHER);
        other.setId("reopen-other");
        other.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until a folder is chosen
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Reopen a range test (its run folder)");
            File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (dir != null) {
                dialog.setResult(dir.toPath());
            }
        });
        dialog.setResultConverter(button -> button == OPEN && table.getSelectionModel().getSelectedItem() != null
                ? table.getSelectionModel().getSelectedItem().dir() : null);
        dialog.resultProperty().addListener((o, a, b) -> {
            if (b != null) {
                chosen.accept(b);
            }
        });

        vm.savedRangeTests().whenComplete((tests, e) -> {
            if (e != null) {
                table.setPlaceholder(new Label("Cannot read the runs folder: " + e.getMessage()));
            } else {
                table.setPlaceholder(new Label("No saved range tests yet: run one with Find LR, or choose Other folder…"));
                table.getItems().setAll(tests);
            }
        });
        dialog.show();
        return dialog;
    }

    private static TableColumn<SavedRangeTest, String> column(String title, double width, Function<SavedRangeTest, String> value) {
        TableColumn<SavedRangeTest, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
