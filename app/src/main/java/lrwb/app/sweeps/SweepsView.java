package lrwb.app.sweeps;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.PngExport;
import lrwb.app.compare.ComparisonCharts;
import lrwb.app.files.FileTarget;
import lrwb.app.files.PngFile;
import lrwb.app.form.FieldView;
import lrwb.app.form.FormLayout;
import lrwb.app.form.RunSetupForm;
import lrwb.app.text.ScheduleSummary;
import lrwb.engine.schedule.ScheduleSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The Sweeps workspace: the grid form on the left (presets, base run, axes, the live cell count, Run and Stop); on the
 * right the sweep on show — its progress, the LR sensitivity chart with the range tests' suggestions (or the chosen
 * cells' per-epoch curves) above, and the sortable table of finished cells below.
 */
public final class SweepsView {
    private final SweepsViewModel vm;
    private final FileTarget files;
    private final Path exportDir;
    private final BorderPane root = new BorderPane();
    private final SensitivityChart sensitivity;
    private final ComparisonCharts comparison;
    private final SummaryTable table;

    public SweepsView(SweepsViewModel vm, FileTarget files, Path exportDir) {
        this.vm = vm;
        this.files = files;
        this.exportDir = exportDir;
        sensitivity = new SensitivityChart(vm);
        comparison = new ComparisonCharts(vm.compared());
        table = new SummaryTable(vm);
        root.setLeft(form());
        root.setCenter(results());
        root.setId("workspace-sweeps");
    }

    public Region node() {
        return root;
    }

    CurveChart sensitivityChart() {
        return sensitivity.chart();
    }

    SummaryTable table() {
        return table;
    }

    ComparisonCharts comparison() {
        return comparison;
    }

    // ---- the form -----------------------------------------------------------------------------------------------

    private BorderPane form() {
        SweepForm f = vm.form();
        RunSetupForm s = f.setup();

        MenuButton presets = new MenuButton("Presets");
        presets.setId("sweep-presets");
        for (SweepPreset p : vm.presets()) {
            MenuItem item = new MenuItem(p.label());
            item.setOnAction(e -> vm.usePreset(p));
            presets.getItems().add(item);
        }
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setTooltip(new Tooltip("Fill the name and the axes; the base run stays as it is"));

        ChoiceBox<LrAxisMode> lrMode = new ChoiceBox<>();
        lrMode.getItems().setAll(LrAxisMode.values());
        lrMode.valueProperty().bindBidirectional(f.lrModeProperty());
        lrMode.setId("sweep-lr-mode");
        lrMode.setMaxWidth(Double.MAX_VALUE);
        Label lrModeLabel = new Label("LR axis");
        lrModeLabel.getStyleClass().add("field-label");
        VBox range = new VBox(8,
                FormLayout.pair(FieldView.text(f.lrFrom(), "sweep-lr-from", "The smallest LR, > 0").node(),
                        FieldView.text(f.lrTo(), "sweep-lr-to", "The largest LR").node()),
                FieldView.text(f.lrPoints(), "sweep-lr-points", "How many LRs, log-spaced, both ends included").node());
        VBox list = FieldView.text(f.lrList(), "sweep-lr-list", "LRs separated by commas, e.g. 0.001, 0.01, 0.1").node();
        showWhen(range, f.lrModeProperty().isEqualTo(LrAxisMode.RANGE));
        showWhen(list, f.lrModeProperty().isEqualTo(LrAxisMode.LIST));

        CheckBox stopDiverged = new CheckBox("Stop diverged cells early");
        stopDiverged.selectedProperty().bindBidirectional(f.stopDivergedProperty());
        stopDiverged.setTooltip(new Tooltip("A cell whose training loss is NaN or over 4× its first epoch's stops as diverged"));
        stopDiverged.setId("sweep-stop-diverged");

        Label count = new Label();
        count.setId("sweep-cell-count");
        count.getStyleClass().add("sweep-cell-count");
        count.textProperty().bind(vm.cellCountProperty());
        count.setWrapText(true);
        Label gridMessage = new Label();
        gridMessage.setId("sweep-grid-error");
        gridMessage.getStyleClass().add("field-error");
        gridMessage.setWrapText(true);
        gridMessage.textProperty().bind(vm.gridMessageProperty());
        showWhen(gridMessage, vm.gridMessageProperty().isNotEmpty());

        VBox box = new VBox(8,
                presets,
                FieldView.text(f.name(), "sweep-name", "Names the sweep's folder").node(),
                FormLayout.section("Base run"),
                FieldView.choices(s.dataset(), "sweep-dataset", "A built-in dataset, csv:PATH, idx:…, cifar:…, images:…",
                        RunSetupForm.builtInDatasets()).node(),
                FieldView.choices(s.model(), "sweep-model", "mlp:64,32, cnn, or a preset", RunSetupForm.MODEL_PRESETS).node(),
                FieldView.choices(s.optimizer(), "sweep-optimizer", "Used when there is no optimizer axis",
                        RunSetupForm.optimizers()).node(),
                FormLayout.pair(FieldView.text(s.batch(), "sweep-batch", null).node(),
                        FieldView.text(s.seed(), "sweep-seed", "Used when there is no seed axis").node()),
                FormLayout.pair(FieldView.text(f.epochs(), "sweep-epochs", null).node(),
                        FieldView.text(f.baseLr(), "sweep-base-lr", "A constant LR, used when neither LR nor schedule is an axis").node()),
                FormLayout.section("Axes"),
                new VBox(3, lrModeLabel, lrMode), range, list,
                FieldView.text(f.optimizers(), "sweep-optimizers",
                        "Separated by commas: sgd, momentum:0.9, adam, adagrad, adadelta, rmsprop … (empty: the base optimizer)").node(),
                FieldView.text(f.seeds(), "sweep-seeds", "Whole numbers separated by commas (empty: the base seed); the chart "
                        + "shows their mean with a min–max band").node(),
                schedules(f),
                stopDiverged,
                FieldView.text(vm.parallel(), "sweep-parallel", "Cells trained at once, one core each").node(),
                count, gridMessage);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("sweep-form");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("form-scroll");

        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        run.setDefaultButton(true);
        run.getStyleClass().add("primary");
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("sweep-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        stop.setTooltip(new Tooltip("Stop the running cells; Resume goes on where it stopped"));
        stop.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, run, stop);
        HBox.setHgrow(run, Priority.ALWAYS);
        buttons.setPadding(new Insets(8, 12, 10, 12));
        buttons.getStyleClass().add("form-buttons");

        BorderPane column = new BorderPane(scroll);
        column.setBottom(buttons);
        column.getStyleClass().add("sweep-form");
        column.setPrefWidth(316);
        column.setMinWidth(260);
        column.setMaxWidth(316);
        return column;
    }

    /** The schedule axis: the article's four schedules to add, the chosen ones listed with a remove button. */
    private VBox schedules(SweepForm f) {
        Label label = new Label("Schedules (optional axis)");
        label.getStyleClass().add("field-label");
        ListView<ScheduleSpec> list = new ListView<>(f.schedules());
        list.setId("sweep-schedules");
        list.setPrefHeight(78);
        list.setMinHeight(52);
        list.setPlaceholder(new Label("none: a constant LR"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScheduleSpec item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ScheduleSummary.of(item));
            }
        });
        MenuButton add = new MenuButton("Add");
        add.setId("sweep-add-schedule");
        for (ArticleSchedules.Named n : ArticleSchedules.ALL) {
            MenuItem item = new MenuItem(n.label());
            item.setOnAction(e -> {
                if (!f.schedules().contains(n.spec())) {
                    f.schedules().add(n.spec());
                }
            });
            add.getItems().add(item);
        }
        Button remove = new Button("Remove");
        remove.setId("sweep-remove-schedule");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> f.schedules().remove(list.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear");
        clear.disableProperty().bind(Bindings.isEmpty(f.schedules()));
        clear.setOnAction(e -> f.schedules().clear());
        HBox buttons = new HBox(6, add, remove, clear);
        Tooltip.install(list, new Tooltip("The LR axis scales each schedule so that its peak is the cell's LR"));
        return new VBox(3, label, list, buttons);
    }

    // ---- the results --------------------------------------------------------------------------------------------

    private VBox results() {
        MenuButton open = new MenuButton("Open sweep");
        open.setId("sweep-open");
        open.setOnShowing(e -> vm.listSweeps().thenAccept(dirs -> fillOpenMenu(open, dirs)));
        open.getItems().add(new MenuItem("…"));
        open.disableProperty().bind(vm.runningProperty());
        open.setMinWidth(Region.USE_PREF_SIZE);
        Button resume = new Button("Resume");
        resume.setId("sweep-resume");
        resume.setTooltip(new Tooltip("Run the cells that have not finished; finished ones are kept"));
        resume.disableProperty().bind(vm.resumableProperty().not().or(vm.runningProperty()));
        resume.setOnAction(e -> vm.resume());
        resume.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("sweep-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(140);
        progress.setMinWidth(60);
        Label progressText = new Label();
        progressText.setId("sweep-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("sweep-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        tip.textProperty().bind(status.textProperty());
        status.setTooltip(tip);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, open, resume, progress, progressText, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<SweepMetric> metric = new ChoiceBox<>();
        metric.getItems().setAll(SweepMetric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setId("sweep-metric");
        Label metricLabel = new Label("Plot");
        Button png = new Button("Export PNG…");
        png.setId("sweep-export-png");
        png.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        png.setOnAction(e -> exportPng());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button rangeTest = new Button("Run a range test");
        rangeTest.setId("sweep-range-test");
        rangeTest.setOnAction(e -> vm.runMissingRangeTest());
        rangeTest.visibleProperty().bind(vm.missingRangeTestProperty().isNotEmpty());
        rangeTest.managedProperty().bind(rangeTest.visibleProperty());
        Tooltip rangeTip = new Tooltip();
        rangeTip.textProperty().bind(Bindings.concat("Run an LR range test of ", vm.missingRangeTestProperty(),
                " in the LR Finder; its suggestions then show here"));
        rangeTest.setTooltip(rangeTip);
        rangeTest.setMinWidth(Region.USE_PREF_SIZE);
        png.setMinWidth(Region.USE_PREF_SIZE);
        Button csv = new Button("Export CSV…");
        csv.setId("sweep-export-csv");
        csv.setTooltip(new Tooltip("Save the summary table: every column of summary.csv, the rows in the table's order"));
        csv.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        csv.setOnAction(e -> exportCsv());
        csv.setMinWidth(Region.USE_PREF_SIZE);
        HBox chartBar = new HBox(8, metricLabel, metric, gap, rangeTest, png, csv);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        Label verdict = new Label();
        verdict.setId("sweep-verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("sweep-verdict");
        Tooltip verdictTip = new Tooltip("The good region: the LRs around the best whose mean final validation loss is within "
                + "10% of the best. Did the range test's suggestions land in it?");
        verdictTip.setWrapText(true);
        verdictTip.setMaxWidth(500);
        verdict.setTooltip(verdictTip);
        showWhen(verdict, vm.verdictProperty().isNotEmpty());
        VBox sensitivityPane = new VBox(6, chartBar, sensitivity.node(), verdict);
        VBox.setVgrow(sensitivity.node(), Priority.ALWAYS);
        sensitivityPane.setPadding(new Insets(6, 0, 0, 0));

        Label compareHint = new Label("Choose cells in the table (Ctrl or Shift for several) to compare their epochs here.");
        compareHint.getStyleClass().add("workspace-note");
        showWhen(compareHint, Bindings.isEmpty(vm.compared()));
        VBox comparePane = new VBox(6, compareHint, comparison.node());
        VBox.setVgrow(comparison.node(), Priority.ALWAYS);
        comparePane.setPadding(new Insets(6, 0, 0, 0));

        TabPane views = new TabPane();
        views.setId("sweep-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab sensitivityTab = new Tab("LR sensitivity", sensitivityPane);
        sensitivityTab.setId("sweep-tab-sensitivity");
        Tab compareTab = new Tab("Chosen cells", comparePane);
        compareTab.setId("sweep-tab-compare");
        vm.compared().addListener((ListChangeListener<Object>) c ->
                compareTab.setText(vm.compared().isEmpty() ? "Chosen cells" : "Chosen cells (" + vm.compared().size() + ")"));
        views.getTabs().addAll(sensitivityTab, compareTab);

        SplitPane split = new SplitPane(views, table.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        split.setId("sweep-split");
        table.node().setMinHeight(90);

        VBox center = new VBox(8, bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(10, 12, 8, 12));
        center.setMinWidth(0);
        return center;
    }

    private void fillOpenMenu(MenuButton open, List<Path> sweeps) {
        open.getItems().clear();
        for (Path dir : sweeps.subList(0, Math.min(sweeps.size(), 15))) {
            MenuItem item = new MenuItem(dir.getFileName().toString());
            item.setOnAction(e -> vm.open(dir));
            open.getItems().add(item);
        }
        if (!open.getItems().isEmpty()) {
            open.getItems().add(new SeparatorMenuItem());
        }
        MenuItem other = new MenuItem("Other folder…");
        other.setId("sweep-open-other");
        other.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a sweep folder");
            File start = vm.sweepsDir().toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (dir != null) {
                vm.open(dir.toPath());
            }
        });
        open.getItems().add(other);
    }

    private void exportPng() {
        Path folder = vm.folderProperty().get();
        String name = (folder == null ? "sweep" : folder.getFileName().toString()) + "-lr-sensitivity.png";
        Path target = files.choose(root.getScene() == null ? null : root.getScene().getWindow(), "Export the LR sensitivity chart",
                "png", exportDir.resolve(name));
        if (target == null) {
            return;
        }
        sensitivity.chart().flush();
        PngFile.write(vm.executor(), PngExport.snapshotCharts(sensitivity.node(), List.of(sensitivity.chart())), target)
                .thenAccept(error -> vm.say(error == null ? "Saved " + target : "Could not save " + target + ": " + error.getMessage()));
    }

    private void exportCsv() {
        Path folder = vm.folderProperty().get();
        String name = (folder == null ? "sweep" : folder.getFileName().toString()) + "-summary.csv";
        Path target = files.choose(root.getScene() == null ? null : root.getScene().getWindow(), "Export the summary table as CSV",
                "csv", exportDir.resolve(name));
        if (target != null) {
            vm.exportCsv(List.copyOf(table.node().getItems()), target);
        }
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
