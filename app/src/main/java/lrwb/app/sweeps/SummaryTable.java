package lrwb.app.sweeps;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lrwb.app.chart.NumberLabels;
import lrwb.engine.sweep.SweepRow;

import java.util.function.Function;

/**
 * The sweep's finished cells, one row each, sortable by any column (click a heading); choosing rows compares their
 * per-epoch curves.
 */
final class SummaryTable {
    private final TableView<SweepRow> table = new TableView<>();

    SummaryTable(SweepsViewModel vm) {
        table.setId("sweep-table");
        // sorting a heading sorts this view of the rows, not the rows themselves (they stay in the order cells finished)
        javafx.collections.transformation.SortedList<SweepRow> sorted = new javafx.collections.transformation.SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new javafx.scene.control.Label("Finished cells appear here as the sweep runs."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("cell", 48, r -> r.cell(), null));
        table.getColumns().add(column("LR", 64, r -> r.lr(), v -> NumberLabels.significant(v, 3)));
        table.getColumns().add(column("optimizer", 96, r -> r.optimizer(), null));
        table.getColumns().add(column("schedule", 120, r -> AxisValueText.of(r.schedule()), null));
        table.getColumns().add(column("seed", 48, r -> r.seed(), null));
        table.getColumns().add(column("status", 70, r -> r.status(), null));
        table.getColumns().add(column("final val loss", 92, r -> r.finalValLoss(), v -> NumberLabels.significant(v, 4)));
        table.getColumns().add(column("best val loss", 92, r -> r.bestValLoss(), v -> NumberLabels.significant(v, 4)));
        table.getColumns().add(column("final val acc", 88, r -> r.finalValAccuracy(), v -> NumberLabels.significant(v, 4)));
        table.getColumns().add(column("best val acc", 88, r -> r.bestValAccuracy(), v -> NumberLabels.significant(v, 4)));
        table.getColumns().add(column("final train loss", 100, r -> r.finalTrainLoss(), v -> NumberLabels.significant(v, 4)));
        table.getColumns().add(column("epochs", 56, r -> r.epochsDone(), null));
        table.getColumns().add(column("seconds", 64, r -> r.seconds(), v -> NumberLabels.significant(v, 3)));
        table.getColumns().add(column("model", 90, r -> r.model(), null));
        table.getColumns().add(column("batch", 52, r -> r.batch(), null));
        table.getColumns().add(column("dataset", 80, r -> r.dataset(), null));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SweepRow>) c ->
                vm.selection().setAll(table.getSelectionModel().getSelectedItems()));
    }

    TableView<SweepRow> node() {
        return table;
    }

    private static <T extends Comparable<T>> TableColumn<SweepRow, T> column(String title, double width, Function<SweepRow, T> value,
                                                                            Function<T, String> format) {
        TableColumn<SweepRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setId("sweep-col-" + title.replace(' ', '-'));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        if (format != null) {
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : format.apply(item));
                }
            });
        }
        return c;
    }
}
