package lrwb.app.training;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.shape.Rectangle;

/**
 * The runs of the session as a table: colour and number (as on the charts' legends), name, state, progress
 * and best validation accuracy. Selecting a row makes it the run the controls act on.
 */
final class QueueTable {
    private static final double ROW = 26;
    /** The column header and the border. */
    private static final double HEADER = 30;
    private final TableView<TrainingRun> table = new TableView<>();

    QueueTable(TrainingViewModel vm) {
        table.setItems(vm.runs());
        table.setId("train-queue");
        table.setPlaceholder(new Label("No runs yet: fill in the form and press Train, or Add to queue to compare several."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        // As tall as its runs, two to four rows (it scrolls beyond); when the window is short it gives up rows,
        // down to two, before the charts give up height.
        table.setMinHeight(ROW * 2 + HEADER);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> ROW * Math.max(2, Math.min(4, vm.runs().size())) + HEADER, vm.runs()));

        TableColumn<TrainingRun, TrainingRun> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TrainingRun run, boolean empty) {
                super.updateItem(run, empty);
                if (empty || run == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(Integer.toString(run.number()));
                    setGraphic(new Rectangle(12, 12, run.color()));
                }
            }
        });
        number.setPrefWidth(52);
        number.setMaxWidth(60);
        number.setSortable(false);

        TableColumn<TrainingRun, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setPrefWidth(330);
        name.setSortable(false);

        TableColumn<TrainingRun, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty().map(RunState::label));
        state.setPrefWidth(90);
        state.setSortable(false);

        TableColumn<TrainingRun, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty().asObject());
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        progress.setPrefWidth(120);
        progress.setSortable(false);

        TableColumn<TrainingRun, String> best = new TableColumn<>("Best val acc");
        best.setCellValueFactory(c -> c.getValue().bestValAccuracyProperty()
                .map(v -> Double.isNaN(v.doubleValue()) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", v.doubleValue())));
        best.setPrefWidth(90);
        best.setSortable(false);

        table.getColumns().setAll(java.util.List.of(number, name, state, progress, best));

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
    }

    TableView<TrainingRun> node() {
        return table;
    }
}
