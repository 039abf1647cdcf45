package lrwb.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.NumberLabels;
import lrwb.app.chart.PngExport;
import lrwb.app.files.FileTarget;
import lrwb.app.form.AugmentChecks;
import lrwb.app.form.DataFileMenu;
import lrwb.app.form.DataFileKind;
import lrwb.app.form.FieldView;
import lrwb.app.form.FormLayout;
import lrwb.app.form.OptimizerSettingsView;
import lrwb.app.form.RunSetupForm;
import lrwb.app.form.SideWidths;
import lrwb.app.model.ModelPickerView;
import lrwb.engine.schedule.PlateauSchedule;
import org.controlsfx.control.SegmentedButton;

import java.nio.file.Path;

/**
 * The Training workspace: the form on the left; on the right the queue, the controls and progress of the
 * selected run, the manual LR override, the reason a run failed, and the live charts.
 */
public final class TrainingView {
    private final TrainingViewModel vm;
    private final FileTarget files;
    private final BorderPane root = new BorderPane();
    private final TrainingCharts charts;
    private final QueueTable queue;
    /** The selected run's state, following both the selection and the run. */
    private final ObservableValue<RunState> selectedState;

    public TrainingView(TrainingViewModel vm, FileTarget files) {
        this.vm = vm;
        this.files = files;
        charts = new TrainingCharts(vm.runs());
        selectedState = vm.selectedProperty().flatMap(TrainingRun::stateProperty);
        queue = new QueueTable(vm);

        ScrollPane formScroll = new ScrollPane(form());
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.getStyleClass().add("form-scroll");
        // Train and Add to queue stay where they are, under the form, whatever errors open up in it.
        BorderPane form = new BorderPane(formScroll);
        form.setBottom(buttons());
        form.getStyleClass().add("training-form");
        form.setMinWidth(220);
        form.setPrefWidth(270);
        form.setMaxWidth(420);

        // One column, top to bottom: what acts on the runs, then the charts, which take the rest. Every line above
        // the charts keeps its height whatever it says, so nothing moves under the mouse; the run table gives up
        // rows (to two) before the charts give up height.
        VBox center = new VBox(6, controls(), queue.node(), progress(), problem(), overrideBar(), chartToolbar(), charts.node());
        VBox.setVgrow(charts.node(), Priority.ALWAYS);
        center.setPadding(new Insets(8, 6, 6, 6));
        center.getStyleClass().add("training-center");
        // Three plots of 200 px side by side with their y axes, and the chart toolbar, need this much: at the
        // smallest window the form gives up the width (down to its minimum) rather than the charts.
        center.setMinWidth(772);

        SplitPane split = new SplitPane(form, center);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(form, false);
        SideWidths.keep(split, form, null);
        root.setCenter(split);
        root.setBottom(statusBar());
        root.setId("workspace-training");
        root.getStyleClass().add("training");
    }

    public Region node() {
        return root;
    }

    public TrainingCharts charts() {
        return charts;
    }

    // ---- form ----

    /**
     * The form, in the order a run is set up: data, network, optimizer, learning rate, batch size and epochs, which
     * all show without scrolling in the default window; the optimizer's own settings and the options most runs leave
     * alone (validation split, seed, normalisation, augmentation) wait in collapsed expanders.
     */
    private VBox form() {
        TrainingForm f = vm.form();
        RunSetupForm s = f.setup();
        DataFileMenu files = new DataFileMenu(s.dataset(), "train", vm.imagePreview());
        VBox box = new VBox(8);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("training-form");
        Label title = new Label("New run");
        title.getStyleClass().add("pane-title");
        box.getChildren().addAll(title, FormLayout.section("Data and network"),
                FieldView.choices(s.dataset(), "train-dataset", DataFileKind.FIELD_HINT, RunSetupForm.datasetChoices())
                        .withBeside(files.menu()).node(), files.previewButton(),
                new ModelPickerView(vm.modelPicker(), "train-model", ModelPickerView.HINT).node(),
                FieldView.choices(s.optimizer(), "train-optimizer", "sgd, momentum:0.9, adam, …", RunSetupForm.optimizers()).node(),
                new OptimizerSettingsView(s.optimizerSettings(), "train").node(),
                FormLayout.section("Learning rate"), scheduleForm(f.schedule()), fitLine(),
                FormLayout.pair(FieldView.text(s.batch(), "train-batch", "examples per update").node(),
                        FieldView.text(f.epochs(), "train-epochs", "passes over the training split").node()),
                moreOptions(s));
        return box;
    }

    /** Validation split, seed, and the image options: an expander, collapsed until opened. */
    private static TitledPane moreOptions(RunSetupForm s) {
        VBox fields = new VBox(8,
                FormLayout.pair(FieldView.text(s.valSplit(), "train-val-split", "fraction held out for validation, e.g. 0.2").node(),
                        FieldView.text(s.seed(), "train-seed", "same seed, same data order and initial weights").node()),
                FieldView.choices(s.normalize(), "train-normalize", RunSetupForm.NORMALIZE_HINT, RunSetupForm.normalizations()).node(),
                FieldView.choices(s.augment(), "train-augment", RunSetupForm.AUGMENT_HINT, RunSetupForm.augmentations()).node(),
                new AugmentChecks(s.augment(), "train").node());
        TitledPane pane = new TitledPane("Validation, seed, images", fields);
        pane.setId("train-more-options");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.setTooltip(new Tooltip("Validation split, seed, image normalisation and augmentation"));
        // a message on one of its fields must not stay out of sight: the expander opens to show it
        for (var field : java.util.List.of(s.valSplit(), s.seed(), s.normalize(), s.augment())) {
            field.errorProperty().addListener((o, was, now) -> {
                if (now != null && !now.isEmpty()) {
                    pane.setExpanded(true);
                }
            });
        }
        return pane;
    }

    private VBox scheduleForm(ScheduleChoice choice) {
        ChoiceBox<ScheduleSource> source = new ChoiceBox<>();
        source.getItems().setAll(ScheduleSource.CONSTANT, ScheduleSource.LIBRARY, ScheduleSource.PLATEAU);
        source.setConverter(converter(ScheduleSource::label));
        source.setMaxWidth(Double.MAX_VALUE);
        source.setId("train-schedule-source");
        // The "from another workspace" entry exists only while there is such a schedule.
        choice.givenProperty().addListener((o, was, now) -> {
            if (now != null && !source.getItems().contains(ScheduleSource.GIVEN)) {
                source.getItems().add(ScheduleSource.GIVEN);
            }
        });
        source.valueProperty().bindBidirectional(choice.sourceProperty());
        source.setOnShowing(e -> choice.reloadLibrary());

        VBox constant = new VBox(FieldView.text(choice.constantLr(), "train-lr", "the same LR for every update, e.g. 0.01").node());
        FieldView saved = FieldView.choices(choice.savedName(), "train-saved-schedule",
                "schedules saved in the Designer (schedules/ in the workbench home)", choice.savedNames());
        Label noneSaved = new Label("Save a schedule in the Designer to use it here.");
        noneSaved.getStyleClass().add("hint");
        noneSaved.setWrapText(true);
        noneSaved.visibleProperty().bind(Bindings.isEmpty(choice.savedNames()));
        noneSaved.managedProperty().bind(noneSaved.visibleProperty());
        VBox library = new VBox(4, saved.node(), noneSaved);

        ChoiceBox<PlateauSchedule.Monitor> monitor = new ChoiceBox<>();
        monitor.getItems().setAll(PlateauSchedule.Monitor.values());
        monitor.setConverter(converter(PlateauSchedule.Monitor::json));
        monitor.valueProperty().bindBidirectional(choice.plateauMonitorProperty());
        Label monitorLabel = new Label("Monitor");
        monitorLabel.getStyleClass().add("field-label");
        VBox plateau = new VBox(6, FieldView.text(choice.plateauLr(), "train-plateau-lr", "the LR it starts at").node(),
                FormLayout.pair(FieldView.text(choice.plateauFactor(), "train-plateau-factor", "multiplies the LR at each reduction, in (0, 1)").node(),
                        FieldView.text(choice.plateauPatience(), "train-plateau-patience", "epochs without improvement before a reduction").node()),
                new VBox(3, monitorLabel, monitor));

        Label given = new Label();
        given.textProperty().bind(choice.givenTextProperty());
        given.getStyleClass().add("given-schedule");
        given.setWrapText(true);
        given.setId("train-given-schedule");
        Label givenHint = new Label("Handed over by \"Train with this\". Pick another source to replace it.");
        givenHint.getStyleClass().add("hint");
        givenHint.setWrapText(true);
        VBox givenBox = new VBox(4, given, givenHint);

        StackPane detail = new StackPane();
        detail.setId("train-schedule-detail");
        Runnable show = () -> {
            VBox pane = switch (choice.sourceProperty().get()) {
                case CONSTANT -> constant;
                case LIBRARY -> library;
                case PLATEAU -> plateau;
                case GIVEN -> givenBox;
            };
            detail.getChildren().setAll(pane);
        };
        choice.sourceProperty().addListener((o, a, b) -> show.run());
        show.run();
        return new VBox(6, source, detail);
    }

    /** Says when the schedule's own length differs from the run's, and offers to stretch it to the run. */
    private VBox fitLine() {
        Label note = new Label();
        note.setId("train-fit-note");
        note.textProperty().bind(vm.fitNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("field-warning");
        Button fit = new Button();
        fit.setId("train-fit");
        fit.textProperty().bind(vm.fitActionProperty());
        fit.setTooltip(new Tooltip("Stretch the schedule to the planned run, keeping its shape (as fastai's fit_one_cycle does)"));
        fit.setOnAction(e -> vm.fitToRun());
        fit.setWrapText(true); // "Fit to this run (96 iterations)" on two lines in a narrow form, not cut
        VBox box = new VBox(4, note, fit);
        box.visibleProperty().bind(vm.fitNoteProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox buttons() {
        Button train = new Button("_Train");
        train.setDefaultButton(true);
        train.setId("train-start");
        train.setTooltip(new Tooltip("Add this configuration to the queue and start it"));
        train.setOnAction(e -> vm.train());
        Button add = new Button("Add to _queue");
        add.setId("train-enqueue");
        add.setTooltip(new Tooltip("Queue this configuration; change the schedule and queue again to compare"));
        add.setOnAction(e -> vm.addToQueue());
        HBox row = new HBox(8, train, add);
        row.setPadding(new Insets(8, 12, 10, 12));
        row.getStyleClass().add("form-buttons");
        return row;
    }

    // ---- queue, controls, progress ----

    private HBox controls() {
        ToggleButton sequential = new ToggleButton(QueueMode.ONE_AFTER_ANOTHER.label());
        ToggleButton parallel = new ToggleButton(QueueMode.SIDE_BY_SIDE.label());
        sequential.setUserData(QueueMode.ONE_AFTER_ANOTHER);
        parallel.setUserData(QueueMode.SIDE_BY_SIDE);
        SegmentedButton mode = new SegmentedButton(sequential, parallel);
        mode.setId("train-queue-mode");
        (vm.queueModeProperty().get() == QueueMode.SIDE_BY_SIDE ? parallel : sequential).setSelected(true);
        mode.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one mode is always chosen
            } else {
                vm.queueModeProperty().set((QueueMode) now.getUserData());
            }
        });
        // and the other way: a mode set on the ViewModel (a test, a reopened session) shows here
        vm.queueModeProperty().addListener((o, was, now) -> (now == QueueMode.SIDE_BY_SIDE ? parallel : sequential).setSelected(true));

        Button start = button("Start queue", "train-start-queue", "Start the queued runs", vm::startQueue);
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.runs().stream().noneMatch(r -> r.state() == RunState.QUEUED), vm.runs()));
        Button pause = button("Pause", "train-pause", "Pause the selected run before its next update", vm::pause);
        Button resume = button("Resume", "train-resume", "Resume the selected run", vm::resume);
        Button stop = button("Stop", "train-stop", "Stop the selected run (what it recorded is kept); a queued run leaves the queue", vm::stop);
        Button stopAll = button("Stop all", "train-stop-all", "Stop every run and hold the queue", vm::stopAll);
        Button remove = button("Remove", "train-remove", "Take the selected ended run off the charts (its record stays on disk)",
                () -> vm.remove(vm.selectedProperty().get()));
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> !(vm.canControl() && selectedState.getValue() == RunState.RUNNING),
                selectedState));
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> !(vm.canControl() && selectedState.getValue() == RunState.PAUSED),
                selectedState));
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !(vm.canControl() || selectedState.getValue() == RunState.QUEUED
                || selectedState.getValue() == RunState.LOADING), selectedState));
        stopAll.disableProperty().bind(vm.canStopAllProperty().not());
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedState.getValue() == null
                || !(selectedState.getValue().hasEnded()), selectedState));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, mode, start, gap, pause, resume, stop, stopAll, remove);
        for (Region r : java.util.List.of(mode, start, pause, resume, stop, stopAll, remove)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("training-controls");
        return bar;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The selected run on one line: its title and state, where it is, a bar, and Inspect. */
    private HBox progress() {
        Label title = new Label();
        title.getStyleClass().add("run-title");
        title.setId("train-run-title");
        // read through selectedName (not the run) so the lazy binding stays valid and a rename in Runs shows here
        ObservableValue<String> selectedName = vm.selectedProperty().flatMap(TrainingRun::nameProperty);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? "No run yet"
                : "#" + vm.selectedProperty().get().number() + " " + selectedName.getValue() + "  ·  "
                + selectedState.getValue().label() + "  ·  ",
                vm.selectedProperty(), selectedState, selectedName));
        title.setMinWidth(0); // the title gives way ("…"); where the run is does not
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(title.textProperty());
        title.setTooltip(titleTip);
        Label text = new Label();
        text.setId("train-progress-text");
        text.textProperty().bind(vm.selectedProperty().flatMap(TrainingRun::progressTextProperty).orElse(""));
        text.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.setMinWidth(40);
        bar.setPrefWidth(160);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.selectedProperty().flatMap(r -> r.progressProperty().map(Number::doubleValue)).orElse(0.0));
        HBox.setHgrow(bar, Priority.ALWAYS);
        // On the selected run's line, whole at every window size: the title is what gives way ("…").
        Button inspect = button("Inspect…", "train-inspect",
                "What the selected run's saved network gets wrong: confusion matrix, misclassified images with Grad-CAM, decision boundary",
                vm::inspectSelected);
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        inspect.disableProperty().bind(vm.selectedProperty().flatMap(TrainingRun::folderProperty).map(f -> false).orElse(true));
        HBox line = new HBox(4, title, text, bar, inspect);
        HBox.setMargin(inspect, new Insets(0, 0, 0, 4));
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /**
     * Why the selected run failed or diverged, in words, where it cannot be missed; one line whose place is kept
     * when there is nothing to say, so the controls under it never jump. The whole text is in the tooltip.
     */
    private Label problem() {
        Label l = new Label();
        l.setId("train-run-message");
        l.setWrapText(false);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0);
        l.textProperty().bind(vm.selectedProperty().flatMap(TrainingRun::messageProperty).orElse(""));
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        tip.textProperty().bind(l.textProperty());
        l.setTooltip(tip);
        BooleanBinding bad = Bindings.createBooleanBinding(() -> selectedState.getValue() != null
                && selectedState.getValue().isProblem(), selectedState);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        bad.addListener((o, was, now) -> setClass(l, "run-problem", now));
        l.getStyleClass().add("run-message");
        setClass(l, "run-problem", bad.get());
        l.getProperties().put(BooleanBinding.class, bad); // keep the binding alive as long as the label
        // The same height with and without text (and a border when it says something is wrong).
        double h = 26;
        l.setMinHeight(h);
        l.setPrefHeight(h);
        l.setMaxHeight(h);
        return l;
    }

    private static void setClass(Region r, String cls, boolean on) {
        if (on && !r.getStyleClass().contains(cls)) {
            r.getStyleClass().add(cls);
        } else if (!on) {
            r.getStyleClass().remove(cls);
        }
    }

    private HBox overrideBar() {
        Label label = new Label("Set LR by hand:");
        Slider slider = new Slider(TrainingViewModel.OVERRIDE_MIN_EXPONENT, TrainingViewModel.OVERRIDE_MAX_EXPONENT, -2);
        slider.setId("train-override-slider");
        slider.valueProperty().bindBidirectional(vm.overrideExponentProperty());
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double exponent) {
                return NumberLabels.decade(exponent);
            }

            @Override
            public Double fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        });
        slider.setPrefWidth(260);
        slider.setTooltip(new Tooltip("Log scale: one tick per decade"));
        FieldView fieldView = FieldView.text(vm.overrideLr(), "train-override-lr", "the LR to use from the next update on");
        TextField field = fieldView.textField();
        field.setPrefColumnCount(7);
        field.setOnAction(e -> vm.applyOverride());
        Label fieldLabel = (Label) fieldView.node().getChildren().get(0);
        fieldLabel.setVisible(false);
        fieldLabel.setManaged(false);
        // The field's error goes at the end of the line rather than under the field: the line keeps its height.
        Label error = (Label) fieldView.node().lookup("#train-override-lr-error");
        fieldView.node().getChildren().remove(error);
        error.setWrapText(false);
        error.setMinWidth(0);
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        Tooltip errorTip = new Tooltip();
        errorTip.textProperty().bind(error.textProperty());
        error.setTooltip(errorTip);
        slider.setMinWidth(120);
        Button apply = button("Set LR", "train-override-apply", "Use this LR from the next update until you go back to the schedule",
                vm::applyOverride);
        Button back = button("Back to schedule", "train-override-clear", "Let the schedule set the LR again", vm::clearOverride);
        ObservableValue<RunState> state = selectedState;
        BooleanBinding cannot = Bindings.createBooleanBinding(() -> !vm.canControl(), state);
        apply.disableProperty().bind(cannot);
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canControl() || !vm.overrideInForceProperty().get(),
                state, vm.overrideInForceProperty()));
        HBox bar = new HBox(8, label, slider, fieldView.node(), apply, back, error);
        for (Region r : java.util.List.of(label, fieldView.node(), apply, back)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.TOP_LEFT);
        bar.getStyleClass().add("override-bar");
        label.setPadding(new Insets(4, 0, 0, 0));
        return bar;
    }

    // ---- charts ----

    /**
     * Above the charts: the key of the line styles, each a switch for that kind of curve (on every run), the
     * smoothing of the loss curves, and the export.
     */
    private HBox chartToolbar() {
        ToggleButton batches = keyEntry("per batch", LineStyle.FAINT, charts.batchLossShownProperty(), "train-batch-loss",
                "Faint: the loss of every minibatch, behind its smoothed curve");
        ToggleButton smoothed = keyEntry("smoothed", LineStyle.SOLID, charts.smoothedLossShownProperty(), "train-key-smoothed",
                "Solid: the per-batch loss smoothed (the Smoothing slider)");
        ToggleButton train = keyEntry("train/epoch", LineStyle.DOTTED, charts.trainPerEpochShownProperty(), "train-key-train",
                "Dotted: loss and accuracy on the training split, once per epoch");
        ToggleButton val = keyEntry("validation", LineStyle.DASHED, charts.validationShownProperty(), "train-key-validation",
                "Dashed: loss and accuracy on the validation split, once per epoch");
        HBox key = new HBox(2, batches, smoothed, train, val);
        key.setAlignment(Pos.CENTER_LEFT);
        key.setId("train-key");
        key.setMinWidth(Region.USE_PREF_SIZE);

        Label smoothLabel = new Label("Smoothing");
        smoothLabel.getStyleClass().add("field-label");
        Slider smoothing = new Slider(0, TrainingCharts.MAX_SMOOTHING, TrainingCharts.DEFAULT_SMOOTHING);
        smoothing.setId("train-smoothing");
        smoothing.valueProperty().bindBidirectional(charts.smoothingProperty());
        smoothing.setPrefWidth(110);
        smoothing.setMinWidth(60);
        Label smoothValue = new Label();
        smoothValue.textProperty().bind(charts.smoothingProperty().map(v -> String.format(java.util.Locale.ROOT, "%.2f", v.doubleValue())));
        smoothValue.setMinWidth(Region.USE_PREF_SIZE);
        smoothValue.getStyleClass().add("field-label");
        Tooltip smoothTip = new Tooltip("How much the loss curves are smoothed: a moving average of the per-batch loss, "
                + "0 (raw) to 0.99 (very smooth), as TensorBoard's slider");
        smoothing.setTooltip(smoothTip);
        smoothLabel.setTooltip(smoothTip);
        smoothLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox smooth = new HBox(6, smoothLabel, smoothing, smoothValue);
        smooth.setAlignment(Pos.CENTER_LEFT);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button png = button("Export PNG…", "train-export-png", "Save the three charts with their legend as one image", this::exportPng);
        png.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, key, smooth, gap, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("training-chart-toolbar");
        return bar;
    }

    /** An entry of the key: the line style as drawn, its name, a switch for those curves, and what it means. */
    private static ToggleButton keyEntry(String name, LineStyle style, javafx.beans.property.BooleanProperty shown, String id,
                                         String meaning) {
        javafx.scene.shape.Line swatch = new javafx.scene.shape.Line(0, 0, 18, 0);
        swatch.setStroke(javafx.scene.paint.Color.web("#374151"));
        style.applyToSwatch(swatch);
        ToggleButton b = new ToggleButton(name, swatch);
        b.setId(id);
        b.selectedProperty().bindBidirectional(shown);
        b.getStyleClass().add("chart-legend-entry");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(meaning + ". Click to show or hide these curves."));
        return b;
    }

    private void exportPng() {
        Path file = files.choose(window(), "Export training charts as PNG", "png", vm.suggestedExportFile("png"));
        if (file == null) {
            return;
        }
        vm.exportPng(PngExport.snapshotCharts(charts.node(), charts.charts()), file);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, a, err) -> setClass(status, "status-error", err));
        HBox bar = new HBox(status);
        bar.getStyleClass().add("designer-status");
        bar.setPadding(new Insets(3, 12, 3, 12));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(24); // the same height with and without a message
        bar.setPrefHeight(24);
        return bar;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
