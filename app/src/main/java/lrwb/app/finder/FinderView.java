package lrwb.app.finder;

import lrwb.app.form.DisplayNames;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lrwb.app.chart.NumberLabels;
import lrwb.app.chart.PngExport;
import lrwb.app.files.FileTarget;
import lrwb.app.form.DataFileMenu;
import lrwb.app.form.DataFileKind;
import lrwb.app.form.FieldView;
import lrwb.app.form.FormLayout;
import lrwb.app.form.OptimizerSettingsView;
import lrwb.app.form.RunSetupForm;
import lrwb.app.model.ModelPickerView;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.finder.LossSource;
import lrwb.engine.finder.Suggestions;
import lrwb.engine.finder.ValidationLoss;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The LR Finder workspace: the test's inputs on the left, the live loss-vs-LR chart in the middle, the
 * suggestions and the runs on the chart on the right.
 */
public final class FinderView {
    private final FinderViewModel vm;
    private final FileTarget files;
    private final Path exportDir;
    private final BorderPane root = new BorderPane();
    private final FinderChart chart;
    private final Label notice = new Label();
    private Runnable trainWithThis;

    /**
     * @param exportDir where exports are suggested to go
     */
    public FinderView(FinderViewModel vm, FileTarget files, Path exportDir) {
        this.vm = vm;
        this.files = files;
        this.exportDir = exportDir;
        chart = new FinderChart(vm);
        VBox center = new VBox(8, chart.node(), statusBar());
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        center.setPadding(new Insets(10, 12, 8, 12));
        center.getStyleClass().add("finder-center");
        // The chart takes what the two side columns leave; its legend and status wrap instead of pushing them out.
        center.setMinWidth(0);
        root.setLeft(form());
        root.setCenter(center);
        root.setRight(sidePanel());
        root.setId("workspace-finder");
    }

    public Region node() {
        return root;
    }

    /** Shows "Train with this" and makes it call {@code action} (the shell wires it when Training exists). */
    public void setTrainWithThis(Runnable action) {
        this.trainWithThis = action;
    }

    void flushChart() {
        chart.flush();
    }

    FinderChart chart() {
        return chart;
    }

    private BorderPane form() {
        RunSetupForm s = vm.setup();
        DataFileMenu files = new DataFileMenu(s.dataset(), "finder", vm.imagePreview());


        ChoiceBox<SweepMode> mode = new ChoiceBox<>();
        mode.getItems().setAll(SweepMode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setConverter(DisplayNames.of(m -> m == SweepMode.EXP ? "exponential" : "linear"));
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setTooltip(new Tooltip("Exponential spaces the LRs evenly in log scale, as fastai and Smith do"));
        Label modeLabel = new Label("LR spacing");
        modeLabel.getStyleClass().add("field-label");

        ChoiceBox<LossSource> loss = new ChoiceBox<>();
        loss.setId("finder-loss");
        loss.getItems().setAll(LossSource.values());
        loss.valueProperty().bindBidirectional(vm.lossSourceProperty());
        loss.setConverter(DisplayNames.of(l -> l == LossSource.TRAIN ? "training batch" : "validation set"));
        loss.setMaxWidth(Double.MAX_VALUE);
        loss.setTooltip(new Tooltip("Training batch: each update's own minibatch (fastai). Validation set: up to "
                + ValidationLoss.MAX_BATCHES + " batches of the validation split after each update (pytorch-lr-finder's"
                + " val_loader): smoother, slower"));
        Label lossLabel = new Label("Loss");
        lossLabel.getStyleClass().add("field-label");

        Button find = new Button("Find LR");
        find.setId("finder-start");
        find.setDefaultButton(true);
        find.disableProperty().bind(vm.runningProperty());
        find.setOnAction(e -> vm.start());
        find.setMaxWidth(Double.MAX_VALUE);
        find.getStyleClass().add("primary");
        Button stop = new Button("Stop");
        stop.setId("finder-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        stop.setTooltip(new Tooltip("Keep the points so far; the network is restored either way"));
        HBox buttons = new HBox(8, find, stop);
        HBox.setHgrow(find, Priority.ALWAYS);
        buttons.setPadding(new Insets(8, 12, 10, 12));
        buttons.getStyleClass().add("form-buttons");
        stop.setMinWidth(Region.USE_PREF_SIZE);

        VBox box = new VBox(8,
                FormLayout.section("Data and model"),
                FieldView.choices(s.dataset(), "finder-dataset", DataFileKind.FIELD_HINT, RunSetupForm.datasetChoices())
                        .withBeside(files.menu()).node(), files.previewButton(),
                new ModelPickerView(vm.modelPicker(), "finder-model", ModelPickerView.HINT).node(),
                FieldView.choices(s.optimizer(), "finder-optimizer", "momentum:0.9 is classical momentum, as Keras SGD",
                        RunSetupForm.optimizers()).node(),
                new OptimizerSettingsView(s.optimizerSettings(), "finder").node(),
                FieldView.choices(s.normalize(), "finder-normalize", RunSetupForm.NORMALIZE_HINT,
                        RunSetupForm.normalizations()).node(),
                FormLayout.pair(FieldView.text(s.batch(), "finder-batch", null).node(),
                        FieldView.text(s.seed(), "finder-seed", "Same seed, same curve").node()),
                FormLayout.section("LR sweep"),
                FormLayout.pair(FieldView.text(vm.startLr(), "finder-start-lr", "e.g. 1e-7").node(),
                        FieldView.text(vm.endLr(), "finder-end-lr", "e.g. 10").node()),
                FormLayout.pair(FieldView.text(vm.iterations(), "finder-iterations", "At least 10").node(),
                        new VBox(3, modeLabel, mode)),
                FormLayout.pair(FieldView.text(vm.beta(), "finder-beta", "β of the loss average: 0.98 as fastai; 0 shows the raw loss").node(),
                        FieldView.text(vm.divergeFactor(), "finder-diverge",
                                "Stop when the smoothed loss exceeds this many times its best").node()),
                FormLayout.pair(new VBox(3, lossLabel, loss),
                        FieldView.text(vm.weightDecays(), "finder-wd", "Blank: one test. 0,1e-4,1e-3: one test per"
                                + " weight decay, same data and seed, overlaid").node()));
        box.setPadding(new Insets(12));
        box.setPrefWidth(300);
        box.getStyleClass().add("finder-form");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("form-scroll");
        // Find LR and Stop stay put under the form, whatever errors open up in it.
        BorderPane column = new BorderPane(scroll);
        column.setBottom(buttons);
        column.getStyleClass().add("finder-form");
        column.setPrefWidth(316);
        column.setMinWidth(260);
        column.setMaxWidth(316);
        return column;
    }

    private HBox statusBar() {
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(180);
        progress.setId("finder-progress");
        Label status = new Label();
        status.setId("finder-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        // Two lines, always: a longer or shorter message does not move the chart (the whole text is in the tooltip).
        status.setMinHeight(36);
        status.setPrefHeight(36);
        status.setMaxHeight(36);
        status.setAlignment(Pos.TOP_LEFT);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        tip.textProperty().bind(status.textProperty());
        status.setTooltip(tip);
        progress.setMinWidth(60);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private BorderPane sidePanel() {
        GridPane values = new GridPane();
        values.setHgap(10);
        values.setVgap(2); // five rows since slide joined: the run list still fits the smallest window
        values.addRow(0, name("Steepest", "Where the smoothed loss falls fastest against log(LR), looking only between"
                        + " the start of the descent and the minimum. A common choice for a constant LR."),
                value("finder-steepest", () -> suggestion(Suggestions::steepest)));
        values.addRow(1, name("Valley", "fastai's rule: a point a little past the start of the longest stretch in which"
                        + " the loss keeps falling. A robust choice for one-cycle's peak LR."),
                value("finder-valley", () -> suggestion(Suggestions::valley)));
        values.addRow(2, name("Slide", "fastai's interval slide rule: a 15-point window slides down from the highest LR"
                        + " while the slopes at its ends differ by more than 0.005; its left end where it stops"
                        + " (– when it runs past the lowest LR without stopping: too few points or no level stretch)."),
                value("finder-slide", () -> suggestion(Suggestions::slide)));
        values.addRow(3, name("Minimum ÷ 10", "The LR of the lowest smoothed loss, divided by 10: at the minimum the loss"
                        + " is about to diverge, so a tenth of it is a cautious choice (fastai's older rule)."),
                value("finder-minimum10", () -> suggestion(Suggestions::minimum10)));
        Label bounds = new Label();
        bounds.setId("finder-bounds");
        bounds.textProperty().bind(Bindings.createStringBinding(() -> {
            double lo = vm.lowerBoundProperty().get();
            double hi = vm.upperBoundProperty().get();
            return Double.isFinite(lo) && Double.isFinite(hi)
                    ? NumberLabels.significant(lo, 3) + " – " + NumberLabels.significant(hi, 3) : "–";
        }, vm.lowerBoundProperty(), vm.upperBoundProperty()));
        bounds.getStyleClass().add("suggestion-value");
        values.addRow(4, name("Cyclic bounds", "Lower: where the loss has started to fall (10% of its drop);"
                + " upper: where it has nearly stopped falling (90%). Drag the band's edges to change them."), bounds);
        Label why = value("finder-no-suggestions", () -> {
            FinderRun run = vm.currentProperty().get();
            Suggestions sg = run == null ? null : run.suggestions();
            return sg == null ? "" : sg.isEmpty() ? "No suggestions: " + sg.message() + "."
                    : sg.cyclic() == null && !sg.isUnreliable() ? "No cyclic bounds: " + sg.message() + "." : "";
        });
        why.getStyleClass().setAll("label", "field-error");
        why.setWrapText(true);
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        Label unreliable = value("finder-unreliable", () -> {
            FinderRun run = vm.currentProperty().get();
            Suggestions sg = run == null ? null : run.suggestions();
            return sg == null || sg.isEmpty() || !sg.isUnreliable() ? "" : "Unreliable: " + sg.warning() + ".";
        });
        unreliable.getStyleClass().setAll("label", "suggestion-warning");
        unreliable.setWrapText(true);
        unreliable.setMinHeight(Region.USE_PREF_SIZE);
        unreliable.visibleProperty().bind(unreliable.textProperty().isNotEmpty());
        unreliable.managedProperty().bind(unreliable.visibleProperty());
        Label hint = new Label("Drag the band's edges on the chart to adjust the bounds.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        Button cyclic = new Button("Cyclic schedule in Designer");
        cyclic.setId("finder-to-cyclic");
        cyclic.setMaxWidth(Double.MAX_VALUE);
        cyclic.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.cyclicSchedule().isEmpty(),
                vm.lowerBoundProperty(), vm.upperBoundProperty()));
        cyclic.setOnAction(e -> say(vm.openInDesigner(vm.cyclicSchedule())
                ? "A triangular cyclic schedule between the bounds is in the Designer." : "No bounds to use."));
        cyclic.setTooltip(new Tooltip("Triangular cycles between the bounds over the run Training plans (its epochs),"
                + " each half cycle about " + FinderViewModel.CYCLIC_HALF_CYCLE_EPOCHS + " epochs (Smith: 2–10)"));
        Label bandProblem = new Label();
        bandProblem.setId("finder-band-problem");
        bandProblem.getStyleClass().setAll("label", "field-error");
        bandProblem.setWrapText(true);
        bandProblem.textProperty().bind(Bindings.createStringBinding(() -> Double.isFinite(vm.lowerBoundProperty().get())
                        ? vm.bandProblem().orElse("") : "", vm.lowerBoundProperty(), vm.upperBoundProperty()));
        bandProblem.visibleProperty().bind(bandProblem.textProperty().isNotEmpty());
        bandProblem.managedProperty().bind(bandProblem.visibleProperty());
        Button oneCycle = new Button("One-cycle at the valley in Designer");
        oneCycle.setId("finder-to-onecycle");
        oneCycle.setMaxWidth(Double.MAX_VALUE);
        oneCycle.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.oneCycleSchedule().isEmpty(),
                vm.currentProperty(), vm.runningProperty()));
        oneCycle.setOnAction(e -> {
            var spec = vm.oneCycleSchedule();
            say(vm.openInDesigner(spec) ? "A one-cycle schedule peaking at the valley LR over " + spec.get().totalSteps()
                    + " iterations (the run Training plans) is in the Designer." : "No valley suggestion to use.");
        });
        Button train = new Button("Train with this");
        train.setId("finder-train");
        train.setMaxWidth(Double.MAX_VALUE);
        train.setOnAction(e -> {
            if (trainWithThis != null) {
                trainWithThis.run();
            }
        });
        train.disableProperty().bind(cyclic.disableProperty());
        train.visibleProperty().bind(Bindings.createBooleanBinding(() -> trainWithThis != null, vm.currentProperty()));
        train.managedProperty().bind(train.visibleProperty());
        train.setTooltip(new Tooltip("Train the cyclic schedule on this test's data, network, optimizer, batch size and seed"));
        Button trainAtLr = new Button("Train at the valley LR");
        trainAtLr.setId("finder-train-at-lr");
        trainAtLr.setMaxWidth(Double.MAX_VALUE);
        trainAtLr.setTooltip(new Tooltip("Train at a constant LR equal to the valley suggestion, with this test's setup"));
        trainAtLr.setOnAction(e -> vm.trainAtValley());
        trainAtLr.disableProperty().bind(oneCycle.disableProperty());
        trainAtLr.visibleProperty().bind(train.visibleProperty());
        trainAtLr.managedProperty().bind(train.visibleProperty());

        ListView<FinderRun> runs = new ListView<>(vm.runs());
        runs.setId("finder-runs");
        runs.setPrefHeight(150);
        runs.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0); // fit the list's width and cut long names with "…" instead of scrolling sideways
                // ... in the middle: names differ at their ends ("seed 42", "seed 42 (2)", the date of a reopened one)
                setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(FinderRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.label());
                setTooltip(empty || run == null ? null : new Tooltip(run.label()
                        + (run.folderProperty().get() == null ? "" : "\n" + run.folderProperty().get())));
            }
        });
        runs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        vm.currentProperty().addListener((o, a, b) -> runs.getSelectionModel().select(b));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            FinderRun run = runs.getSelectionModel().getSelectedItem();
            if (run != null) {
                vm.remove(run);
            }
        });
        remove.disableProperty().bind(runs.getSelectionModel().selectedItemProperty().isNull());
        Button reopen = new Button("Reopen…");
        reopen.setOnAction(e -> reopen());
        reopen.setId("finder-reopen");
        reopen.setTooltip(new Tooltip("Add a saved range test to the chart"));
        HBox runButtons = new HBox(6, reopen, remove);
        Label overlayHint = new Label("Run again with another seed, optimizer or batch size to overlay the curves.");
        overlayHint.getStyleClass().add("hint");
        overlayHint.setWrapText(true);

        Button png = new Button("PNG…");
        png.setId("finder-export-png");
        png.setOnAction(e -> exportPng());
        Button csvOut = new Button("CSV…");
        csvOut.setId("finder-export-csv");
        csvOut.setOnAction(e -> exportCsv());
        csvOut.disableProperty().bind(vm.currentProperty().isNull());
        HBox exports = new HBox(6, png, csvOut);

        notice.setWrapText(true);
        notice.getStyleClass().add("hint");
        notice.setId("finder-notice");

        VBox box = new VBox(8, FormLayout.section("Suggestions"), suggestionsFor(), values, why, unreliable, hint, bandProblem,
                cyclic, oneCycle, train, trainAtLr,
                FormLayout.section("Runs on the chart"), runs, runButtons, overlayHint, notice);
        box.setPadding(new Insets(12));
        box.setPrefWidth(290);
        box.getStyleClass().add("finder-side");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("form-scroll", "finder-side");
        // Export stays under the pane at every height, as Find LR stays under the form: the suggestions above
        // scroll when the window is short.
        VBox exportBox = new VBox(6, FormLayout.section("Export"), exports);
        exportBox.setPadding(new Insets(6, 12, 10, 12));
        BorderPane side = new BorderPane(scroll);
        side.setBottom(exportBox);
        side.getStyleClass().add("finder-side");
        side.setPrefWidth(300);
        side.setMinWidth(250);
        side.setMaxWidth(300);
        return side;
    }

    private String suggestion(java.util.function.Function<Suggestions, Double> pick) {
        FinderRun run = vm.currentProperty().get();
        Suggestions s = run == null ? null : run.suggestions();
        Double v = s == null ? null : pick.apply(s);
        return v == null ? "–" : NumberLabels.significant(v, 3);
    }

    private Label value(String id, Supplier<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("suggestion-value");
        Runnable refresh = () -> l.setText(text.get());
        refresh.run();
        vm.currentProperty().addListener((o, a, b) -> {
            refresh.run();
            if (b != null) {
                b.suggestionsProperty().addListener((o2, a2, b2) -> refresh.run());
            }
        });
        return l;
    }

    /** Which run the suggestions belong to: its colour on the chart and its name. */
    private Label suggestionsFor() {
        Label l = new Label();
        l.setId("finder-suggestions-run");
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(10, 10);
        Runnable refresh = () -> {
            FinderRun run = vm.currentProperty().get();
            l.setText(run == null ? "Run a test to get suggestions." : "For " + run.label());
            l.setTooltip(run == null ? null : new Tooltip(run.label()));
            l.setGraphic(run == null ? null : swatch);
            swatch.setFill(run == null ? javafx.scene.paint.Color.TRANSPARENT : chart.colorOf(run));
        };
        refresh.run();
        vm.currentProperty().addListener((o, a, b) -> refresh.run());
        return l;
    }

    private static Label name(String text, String rule) {
        Label l = name(text);
        Tooltip tip = new Tooltip(rule);
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        l.setTooltip(tip);
        return l;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private void say(String text) {
        notice.setText(text);
    }

    private void reopen() {
        ReopenDialog.show(root.getScene().getWindow(), vm, dir -> vm.reopen(dir).whenComplete((run, e) ->
                say(e == null ? "On the chart: " + run.label() + "." : FinderViewModel.whyNotReopened(dir, e) + ".")));
    }

    void exportPng() {
        Path file = files.choose(root.getScene().getWindow(), "Export the chart as PNG", "png", exportDir.resolve("lr-finder.png"));
        if (file == null) {
            return;
        }
        vm.exportPng(PngExport.snapshotCharts(chart.lossChart().node(), java.util.List.of(chart.lossChart())), file)
                .thenAccept(failure -> say(failure == null ? "Saved " + file.getFileName() + "."
                        : "Cannot save the image: " + failure.getMessage()));
    }

    void exportCsv() {
        Path file = files.choose(root.getScene().getWindow(), "Export the points as CSV", "csv", exportDir.resolve("lr-finder.csv"));
        if (file == null) {
            return;
        }
        vm.exportCsv(file).whenComplete((done, e) -> say(e == null ? "Saved " + file.getFileName() + "."
                : "Cannot save the points: " + TaskExecutor.cause(e).getMessage()));
    }
}
