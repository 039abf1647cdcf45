package lrwb.app.runs;

import lrwb.app.form.DisplayNames;
import lrwb.app.compare.ComparisonCharts;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lrwb.app.chart.PngExport;
import lrwb.app.files.FileTarget;
import lrwb.app.model.ModelText;
import lrwb.app.text.DurationText;
import lrwb.engine.run.RunStatus;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Runs workspace: a sortable, filterable table of every run on disk, actions on the selected runs, and
 * the selected runs' curves overlaid below.
 */
public final class RunsView {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final RunsViewModel vm;
    private final FileTarget files;
    private final BorderPane root = new BorderPane();
    private final TableView<RunRow> table = new TableView<>();
    private final ComparisonCharts charts;

    public RunsView(RunsViewModel vm, FileTarget files) {
        this.vm = vm;
        this.files = files;
        charts = new ComparisonCharts(vm.compared());
        buildTable();

        Label hint = new Label("Select one run, or several with Ctrl/Shift, to overlay their curves.");
        hint.getStyleClass().add("hint");
        StackPane chartArea = new StackPane(charts.node());
        Label empty = new Label("Nothing selected: select runs in the table to compare them here.");
        empty.getStyleClass().add("chart-placeholder");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.compared()));
        chartArea.getChildren().add(empty);
        VBox lower = new VBox(4, hint, chartArea);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        lower.setPadding(new Insets(6, 12, 8, 12));
        chartArea.setMinHeight(0);
        lower.setMinHeight(0);

        VBox upper = new VBox(8, toolbar(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        upper.setPadding(new Insets(10, 12, 6, 12));
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);
        root.setBottom(statusBar());
        root.setId("workspace-runs");
        root.getStyleClass().add("runs");
    }

    public Region node() {
        return root;
    }

    public TableView<RunRow> table() {
        return table;
    }

    // ---- table ----

    private void buildTable() {
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: range tests and training runs appear here as soon as they start."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<RunRow> sorted = new SortedList<>(vm.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        TableColumn<RunRow, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setPrefWidth(260);
        TableColumn<RunRow, String> kind = text("Kind", RunRow::kindLabel, 80);
        TableColumn<RunRow, String> cells = new TableColumn<>("Cells");
        cells.setCellValueFactory(c -> c.getValue().cellsProperty());
        cells.setPrefWidth(50);
        cells.setId("runs-cells");
        TableColumn<RunRow, String> dataset = text("Dataset", RunRow::dataset, 80);
        TableColumn<RunRow, String> model = text("Model", RunRow::model, 90);
        model.setCellFactory(c -> new ModelCell());
        TableColumn<RunRow, String> optimizer = text("Optimizer", RunRow::optimizer, 90);
        TableColumn<RunRow, String> schedule = text("Schedule", RunRow::schedule, 150);
        schedule.setCellFactory(c -> new ScheduleCell());
        TableColumn<RunRow, String> batch = text("Batch", RunRow::batchSize, 55);
        batch.setComparator(RunsView::compareCounts);
        batch.setId("runs-batch");
        TableColumn<RunRow, String> epochs = text("Epochs", RunRow::epochs, 60);
        epochs.setComparator(RunsView::compareCounts);
        epochs.setId("runs-epochs");
        TableColumn<RunRow, RunStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunStatus s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("status-problem", "status-live");
                RunRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || s == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                // a damaged record is flagged whatever its status says: its figures are not all to be trusted
                // a range test ends when its loss diverges: that is its normal end, not a problem
                boolean normalEnd = isNormalEnd(s, row.isRangeTest());
                String label = statusText(s, row.isRangeTest());
                setText(row.isDamaged() && s != RunStatus.DAMAGED ? "⚠ " + label : label); // first: a narrow column cuts the end
                String why = normalEnd ? "The loss diverged, which is how a range test ends. " + row.messageProperty().get()
                        : row.messageProperty().get();
                setTooltip(why == null || why.isEmpty() ? null : new Tooltip(why));
                boolean problem = isProblem(s, row.isRangeTest()) || row.isDamaged();
                if (problem) {
                    getStyleClass().add("status-problem");
                } else if (s == RunStatus.RUNNING) {
                    getStyleClass().add("status-live");
                }
            }
        });
        status.setPrefWidth(80);
        TableColumn<RunRow, Number> best = new TableColumn<>("Best val acc");
        best.setCellValueFactory(c -> c.getValue().bestValAccuracyProperty());
        best.setCellFactory(c -> numberCell(v -> String.format(java.util.Locale.ROOT, "%.3f", v)));
        best.setComparator(RunsView::compareNumbers);
        best.setPrefWidth(90);
        TableColumn<RunRow, Number> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> c.getValue().secondsProperty());
        duration.setCellFactory(c -> numberCell(DurationText::of));
        duration.setComparator(RunsView::compareNumbers);
        duration.setPrefWidth(75);
        TableColumn<RunRow, String> started = text("Started", r -> STARTED.format(r.startedAt()), 125);
        table.getColumns().setAll(List.of(name, kind, cells, dataset, model, optimizer, schedule, batch, epochs, status, best, duration,
                started));

        // The table's selection is the ViewModel's selection, whatever sorting or filtering does to the rows.
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                vm.selection().setAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.setRowFactory(t -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
    }

    /** What the Status column says for a range test that ended by diverging, as range tests do. */
    static final String RANGE_TEST_END = "done (diverged)";

    /** A range test ends when its loss diverges: its normal end. */
    static boolean isNormalEnd(RunStatus s, boolean rangeTest) {
        return s == RunStatus.DIVERGED && rangeTest;
    }

    /** The Status column's words: the status, but a range test's divergence reads as the end it is. */
    static String statusText(RunStatus s, boolean rangeTest) {
        return isNormalEnd(s, rangeTest) ? RANGE_TEST_END : s.label();
    }

    /** Whether the Status cell is red: failed, interrupted, damaged, or a training run that diverged. */
    static boolean isProblem(RunStatus s, boolean rangeTest) {
        return s == RunStatus.FAILED || s == RunStatus.INTERRUPTED || s == RunStatus.DAMAGED
                || (s == RunStatus.DIVERGED && !rangeTest);
    }

    /** Whole numbers as numbers ("16" before "128"), "–" last. */
    private static int compareCounts(String a, String b) {
        return Long.compare(count(a), count(b));
    }

    private static long count(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static TableColumn<RunRow, String> text(String title, Function<RunRow, String> value, double width) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The readable model; where it leaves something out (a path, a layer spec), the tooltip shows all of it. */
    private static final class ModelCell extends TableCell<RunRow, String> {
        private final Tooltip full = new Tooltip();

        ModelCell() {
            full.setWrapText(true);
            full.setMaxWidth(520);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            RunRow row = getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            if (empty || row == null || !ModelText.isAbbreviated(row.modelText())) {
                setTooltip(null);
            } else {
                full.setText(row.modelText());
                setTooltip(full);
            }
        }
    }

    /** The schedule; a sweep of several says how many, and its tooltip lists them. */
    private static final class ScheduleCell extends TableCell<RunRow, String> {
        private final Tooltip all = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            RunRow row = getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            if (empty || row == null || row.sweepSchedules() == null) {
                setTooltip(null);
            } else {
                all.setText(row.sweepSchedules());
                setTooltip(all);
            }
        }
    }

    private static TableCell<RunRow, Number> numberCell(Function<Double, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Double.isNaN(v.doubleValue()) ? "–" : format.apply(v.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    /** Missing values (NaN) sort after every number, whichever the direction people expect them out of the way. */
    private static int compareNumbers(Number a, Number b) {
        double x = a == null ? Double.NaN : a.doubleValue();
        double y = b == null ? Double.NaN : b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) == Double.isNaN(y) ? 0 : Double.isNaN(x) ? -1 : 1;
        }
        return Double.compare(x, y);
    }

    // ---- toolbar ----

    private HBox toolbar() {
        TextField filter = new TextField();
        filter.setPromptText("Filter: name, dataset, model, schedule, status…");
        filter.setId("runs-filter");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        filter.setPrefColumnCount(18); // room for the toolbar at the default window size
        ChoiceBox<KindFilter> kind = new ChoiceBox<>();
        kind.getItems().setAll(KindFilter.values());
        kind.setConverter(DisplayNames.of(KindFilter::label));
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        kind.setId("runs-kind");
        Button refresh = button("Refresh", "runs-refresh", "Read the runs folder again", () -> vm.refresh());

        Button open = button("Open charts", "runs-open", "Show the run's own charts in Training (or the LR Finder); "
                + "a sweep opens in Sweeps", () -> vm.open(single()));
        open.textProperty().bind(Bindings.createStringBinding(() -> vm.selection().size() == 1 && vm.selection().get(0).isSweep()
                ? "Open in Sweeps" : "Open charts", vm.selection()));
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selection().size() != 1
                || !vm.canOpen(vm.selection().get(0)), vm.selection()));
        Button rename = button("Rename…", "runs-rename", "Give the selected run a new name", this::rename);
        // Disabled too while a change is being written: one rename or delete at a time.
        rename.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selection().size() != 1
                || vm.selection().get(0).isSweep(), vm.selection()).or(vm.changingProperty()));
        Button delete = button("Delete…", "runs-delete", "Delete the selected runs' folders from disk", this::delete);
        delete.disableProperty().bind(Bindings.isEmpty(vm.selection()).or(vm.changingProperty()));
        MenuButton csv = new MenuButton("Export CSV");
        csv.setId("runs-export-csv");
        csv.setTooltip(new Tooltip("Save the selected run's metrics as recorded"));
        csv.setOnShowing(e -> {
            csv.getItems().clear();
            RunRow row = single();
            if (row != null) {
                for (MetricsFile f : MetricsFile.of(row)) {
                    MenuItem item = new MenuItem(f.label());
                    item.setOnAction(a -> exportCsv(row, f));
                    csv.getItems().add(item);
                }
            }
        });
        csv.getItems().add(new MenuItem("…")); // replaced when shown; a MenuButton needs an item to open
        csv.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selection().size() != 1
                || MetricsFile.of(vm.selection().get(0)).isEmpty(), vm.selection()));
        MenuButton network = new MenuButton("Network");
        network.setId("runs-network");
        network.setTooltip(new Tooltip("The network the selected training run saved: inspect what it gets wrong, train on, or range-test its weights"));
        MenuItem resume = new MenuItem("Continue training");
        resume.setId("runs-continue");
        resume.setOnAction(e -> vm.continueTraining(single()));
        MenuItem rangeTest = new MenuItem("Range test from these weights");
        rangeTest.setId("runs-range-test");
        rangeTest.setOnAction(e -> vm.rangeTestFromWeights(single()));
        MenuItem inspect = new MenuItem("Inspect…");
        inspect.setId("runs-inspect");
        inspect.setOnAction(e -> vm.inspect(single()));
        network.getItems().setAll(inspect, resume, rangeTest);
        // The flag changes as a live run saves its first epoch: follow the selected row's property too.
        javafx.beans.value.ObservableValue<Boolean> selectedSaved = Bindings.valueAt(vm.selection(), 0)
                .flatMap(RunRow::hasSavedNetworkProperty).orElse(false);
        network.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canStartFromNetwork(single())
                && !vm.canInspect(single()), vm.selection(), selectedSaved));
        inspect.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canInspect(single()), vm.selection(), selectedSaved));
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canStartFromNetwork(single()), vm.selection(), selectedSaved));
        rangeTest.disableProperty().bind(resume.disableProperty());
        Button png = button("Export PNG…", "runs-export-png", "Save the comparison charts as one image", this::exportPng);
        png.disableProperty().bind(Bindings.isEmpty(vm.compared()));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, kind, refresh, gap, open, network, rename, delete, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        // The filter gives way when the window is narrow; the buttons keep their words.
        filter.setMinWidth(110);
        for (Region r : List.of(kind, refresh, open, network, rename, delete, csv, png)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private RunRow single() {
        return vm.selection().size() == 1 ? vm.selection().get(0) : null;
    }

    private void rename() {
        RunRow row = single();
        if (row == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(row.name());
        dialog.initOwner(window());
        dialog.setTitle("Rename run");
        dialog.setHeaderText("New name for " + row.dir().getFileName());
        dialog.getEditor().setPrefColumnCount(40);
        dialog.showAndWait().ifPresent(name -> vm.rename(row, name));
    }

    private void delete() {
        List<RunRow> rows = List.copyOf(vm.selection());
        if (rows.isEmpty()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                rows.size() == 1 ? "Delete \"" + rows.get(0).name() + "\" and its files? This cannot be undone."
                        : "Delete these " + rows.size() + " runs and their files? This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(window());
        confirm.setHeaderText("Delete from disk");
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK) {
            vm.delete(rows);
        }
    }

    private void exportCsv(RunRow row, MetricsFile which) {
        String base = which.fileName().replace(".csv", "");
        Path file = files.choose(window(), "Export " + which.fileName(), "csv", vm.suggestedExportFile(base, "csv"));
        if (file != null) {
            vm.exportCsv(row, which, file);
        }
    }

    private void exportPng() {
        Path file = files.choose(window(), "Export comparison charts as PNG", "png", vm.suggestedExportFile("runs", "png"));
        if (file == null) {
            return;
        }
        vm.exportPng(PngExport.snapshotCharts(charts.node(), charts.charts()), file);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** One line, whatever it says (the problems of damaged records at its right): the charts above never move. */
    private HBox statusBar() {
        Label status = new Label();
        status.setId("runs-status");
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, a, err) -> {
            if (err) {
                status.getStyleClass().add("status-error");
            } else {
                status.getStyleClass().remove("status-error");
            }
        });
        Label problems = new Label();
        problems.setId("runs-problems");
        problems.textProperty().bind(vm.problemsProperty());
        problems.visibleProperty().bind(vm.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        problems.getStyleClass().add("status-warning");
        for (Label l : List.of(status, problems)) {
            l.setMinWidth(0);
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(600);
            tip.textProperty().bind(l.textProperty());
            l.setTooltip(tip);
        }
        HBox.setHgrow(problems, Priority.ALWAYS);
        problems.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(16, status, problems);
        bar.getStyleClass().add("designer-status");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 12, 3, 12));
        bar.setMinHeight(24);
        bar.setPrefHeight(24);
        return bar;
    }
}
