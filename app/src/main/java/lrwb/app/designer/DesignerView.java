package lrwb.app.designer;

import lrwb.app.files.ScheduleLibrary;
import lrwb.app.files.FileTarget;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lrwb.app.chart.NumberLabels;
import lrwb.app.chart.PngExport;
import lrwb.app.form.SideWidths;
import lrwb.app.form.WholeNumberSpinner;
import lrwb.engine.schedule.Unit;
import lrwb.engine.train.TrainingRequest;
import org.controlsfx.control.SegmentedButton;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Schedule Designer workspace: the curves on the left, the chart with its axis settings and the selected
 * schedule's formula in the middle, the selected schedule's form on the right, the outcome of the last
 * action at the bottom.
 */
public final class DesignerView {
    private final DesignerViewModel vm;
    private final FileTarget files;
    private final BorderPane root = new BorderPane();
    private final DesignerChart chart;
    private final CurveListView list;
    private final VBox editor = new VBox(10);
    /** The curve whose form the editor shows, and the form's scroll pane, to keep the place across a rebuild. */
    private CurveModel shownCurve;
    private ScrollPane formScroll;
    /** Held so the bidirectional Integer bindings of the spinners are not collected. */
    private final ObjectProperty<Integer> stepsPerEpochBox;
    private final ObjectProperty<Integer> epochsBox;

    public DesignerView(DesignerViewModel vm, FileTarget files) {
        this.vm = vm;
        this.files = files;
        chart = new DesignerChart(vm);
        list = new CurveListView(vm);
        stepsPerEpochBox = vm.stepsPerEpochProperty().asObject();
        epochsBox = vm.epochsProperty().asObject();

        FlowPane bar = toolbar();
        Region length = lengthBar();
        VBox plot = new VBox(8, bar, chart.node(), length);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        plot.setPadding(new Insets(10, 12, 6, 12));
        // Never less than its bars and a readable chart: a momentum pane below takes its room from the formula.
        plot.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> bar.getHeight() + length.getHeight() + 2 * 8 + 16 + MIN_CHART_HEIGHT, bar.heightProperty(),
                length.heightProperty()));
        // The middle takes what the side columns leave; its bars wrap rather than push the columns off screen.
        plot.setMinWidth(0);
        VBox formula = formulaBox();
        formula.setPadding(new Insets(6, 12, 10, 12));
        SplitPane center = new SplitPane(plot, formula);
        center.setOrientation(javafx.geometry.Orientation.VERTICAL);
        center.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(formula, false);
        center.getStyleClass().add("designer-center");
        showMomentumIn(center);

        editor.setPadding(new Insets(12));
        editor.getStyleClass().add("designer-editor");
        // At least as wide as its widest row of buttons (computed); the chart's column gives way first.
        editor.setPrefWidth(380);
        editor.setMaxWidth(560);
        vm.formProperty().addListener((o, a, b) -> rebuildEditor());
        rebuildEditor();

        // Below this the chart's column would be a strip: on a narrow window the editor gives way (to its buttons).
        center.setMinWidth(400);
        SplitPane split = new SplitPane(list.node(), center, editor);
        split.setDividerPositions(0.2, 0.68);
        SplitPane.setResizableWithParent(list.node(), false);
        SplitPane.setResizableWithParent(editor, false);
        SideWidths.keep(split, list.node(), editor);
        root.setCenter(split);
        root.setBottom(statusLine());
        root.setId("workspace-designer");
        root.getStyleClass().add("designer");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onShortcut);
    }

    /** The LR chart's least height with its legend and axis: a plot of 120 px (WindowLayoutTest) in a short window. */
    private static final double MIN_CHART_HEIGHT = 215;

    public Region node() {
        return root;
    }

    /**
     * The momentum chart is a pane of its own between the plot and the formula, there only while a shown curve
     * cycles momentum: it takes its room from the formula (whose divider the user can move), so the LR chart
     * keeps its size down to the smallest window.
     */
    private void showMomentumIn(SplitPane center) {
        Region momentum = chart.momentumNode();
        momentum.setPadding(new Insets(2, 12, 2, 12));
        SplitPane.setResizableWithParent(momentum, true); // a shorter window takes from it, not from the LR chart
        javafx.beans.value.ChangeListener<Boolean> follow = (o, was, shown) -> {
            boolean in = center.getItems().contains(momentum);
            if (shown && !in) {
                double formulaFrom = center.getDividerPositions()[0];
                // the pane's own height; before the first layout a quarter of the column
                double size = center.getHeight() > 0 ? momentum.prefHeight(-1) / center.getHeight() : 0.25;
                center.getItems().add(1, momentum);
                center.setDividerPositions(Math.max(0.3, formulaFrom - size), formulaFrom);
            } else if (!shown && in) {
                double formulaFrom = center.getDividerPositions()[1];
                center.getItems().remove(momentum);
                center.setDividerPositions(formulaFrom);
            }
        };
        momentum.visibleProperty().addListener(follow);
        follow.changed(null, false, momentum.isVisible());
    }

    /** For tests and the frame-time measurement: draws pending chart changes now. */
    public void flushChart() {
        chart.flush();
    }

    public lrwb.app.chart.CurveChart chart() {
        return chart.chart();
    }

    /** The momentum chart under the LR chart (shown while a visible curve cycles momentum). */
    public lrwb.app.chart.CurveChart momentumChart() {
        return chart.momentumChart();
    }

    private FlowPane toolbar() {
        ToggleButton iterations = new ToggleButton("Iterations");
        ToggleButton epochs = new ToggleButton("Epochs");
        iterations.setId("x-iterations");
        epochs.setId("x-epochs");
        SegmentedButton xUnit = new SegmentedButton(iterations, epochs);
        (vm.xUnitProperty().get() == Unit.EPOCH ? epochs : iterations).setSelected(true);
        xUnit.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always chosen
            } else {
                vm.xUnitProperty().set(b == epochs ? Unit.EPOCH : Unit.ITERATION);
            }
        });
        ToggleButton log = new ToggleButton("_Log LR axis");
        log.setId("log-scale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setTooltip(new Tooltip("Learning rates in decades (Ctrl+L)"));
        Button png = new Button("Export _PNG…");
        png.setId("export-png");
        png.setOnAction(e -> exportPng());
        png.setTooltip(new Tooltip("Save the chart with its legend as an image"));
        Button csv = new Button("Export _CSV…");
        csv.setId("export-csv");
        csv.setOnAction(e -> exportCsv());
        csv.setTooltip(new Tooltip("Save the LR of every iteration of the visible curves as a table"));
        // nothing to export without a curve ("0 curve(s)")
        png.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.curves()));
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.curves()));

        HBox view = new HBox(8, xUnit, log);
        view.setAlignment(Pos.CENTER_LEFT);
        keepWidth(view);
        HBox export = new HBox(8, png, csv);
        export.setAlignment(Pos.CENTER_LEFT);
        keepWidth(export);
        return bar(view, export);
    }

    /** A bar of groups that go onto a second line when the middle column is narrow (the groups stay whole). */
    private static FlowPane bar(Region... groups) {
        FlowPane bar = new FlowPane(16, 6, groups);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("designer-toolbar");
        bar.setMinWidth(0);
        bar.setPrefWrapLength(200);
        for (Region g : groups) {
            g.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /**
     * The chart's length: epochs × steps per epoch. What is wrong with a typed length shows on a line just above
     * the fields (the chart gives up the room, so the fields do not move under the mouse).
     */
    private VBox lengthBar() {
        WholeNumberSpinner speField = spinner("steps per epoch", 1, 100_000, stepsPerEpochBox, "steps-per-epoch",
                "Optimizer steps (batches) per epoch");
        WholeNumberSpinner epochsField = spinner("epochs", 1, TrainingRequest.MAX_EPOCHS, epochsBox, "epochs",
                "Length of the chart in epochs");
        Spinner<Integer> spe = speField.spinner();
        Spinner<Integer> epochCount = epochsField.spinner();
        Label total = new Label();
        total.getStyleClass().add("hint");
        total.setId("length-total");
        total.setMinWidth(0); // a huge length is cut with "…" (whole in the tooltip), never the spinners
        Tooltip totalTip = new Tooltip();
        totalTip.textProperty().bind(total.textProperty());
        total.setTooltip(totalTip);
        total.textProperty().bind(Bindings.createStringBinding(() -> {
            long wanted = (long) vm.epochsProperty().get() * vm.stepsPerEpochProperty().get();
            String n = NumberLabels.significant(vm.totalStepsProperty().get(), 9) + " iterations";
            return wanted > DesignerViewModel.MAX_ITERATIONS ? n + " (the most the chart shows)" : n;
        }, vm.totalStepsProperty(), vm.epochsProperty(), vm.stepsPerEpochProperty()));
        Label error = new Label();
        error.setId("length-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(Bindings.when(epochsField.errorProperty().isNotEmpty())
                .then(epochsField.errorProperty()).otherwise(speField.errorProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);

        HBox epochsPart = new HBox(8, new Label("Length"), epochCount, new Label("epochs ×"));
        HBox stepsPart = new HBox(8, spe, new Label("steps per epoch ="));
        for (HBox part : List.of(epochsPart, stepsPart)) {
            part.setAlignment(Pos.CENTER_LEFT);
            keepWidth(part);
        }
        FlowPane bar = bar(epochsPart, stepsPart);
        bar.getChildren().add(total);
        total.maxWidthProperty().bind(bar.widthProperty());
        return new VBox(2, error, bar);
    }

    /** Labels, buttons and spinners in a bar keep their full size; the bar is laid out to fit them. */
    private static void keepWidth(HBox bar) {
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof Region r && HBox.getHgrow(n) == null) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private static WholeNumberSpinner spinner(String name, int min, int max, ObjectProperty<Integer> value, String id, String tip) {
        WholeNumberSpinner s = new WholeNumberSpinner(name, min, max, value, id, tip);
        // Room for six digits whatever the bar around it does: "100000", never "1(".
        s.spinner().getEditor().setPrefColumnCount(6);
        s.spinner().setPrefWidth(104);
        s.spinner().setMinWidth(Region.USE_PREF_SIZE);
        return s;
    }

    private VBox formulaBox() {
        Label title = new Label();
        title.setId("formula-title");
        title.getStyleClass().add("pane-subtitle");
        title.textProperty().bind(vm.formulaTitleProperty());
        // A label of its own, so a long name cannot cut it off: the formula shows the last valid spec meanwhile.
        Label stale = new Label("(last valid values: the form has an error)");
        stale.setId("formula-stale");
        stale.getStyleClass().add("field-error");
        stale.visibleProperty().bind(vm.selectedErrorProperty().isNotNull());
        stale.managedProperty().bind(stale.visibleProperty());
        stale.setMinWidth(Region.USE_PREF_SIZE);
        // A long name gives way ("…", whole in the tooltip); the note keeps its width; neither widens the pane.
        title.setMinWidth(0);
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(title.textProperty());
        title.setTooltip(titleTip);
        HBox heading = new HBox(8, title, stale);
        heading.setAlignment(Pos.BASELINE_LEFT);
        heading.setMinWidth(0);
        TextArea text = new TextArea();
        VBox.setVgrow(text, Priority.ALWAYS);
        text.setEditable(false);
        // Formulas are read line by line; wrapping would break them mid-term.
        text.setWrapText(false);
        text.setPrefRowCount(6);
        // four lines at least; in the smallest window the rest goes to the charts above (the momentum strip among them)
        text.setMinHeight(72);
        text.textProperty().bind(Bindings.when(vm.formulaProperty().isEmpty())
                .then("Select a schedule to read its formula with its current numbers.").otherwise(vm.formulaProperty()));
        text.getStyleClass().add("formula");
        text.setId("formula");
        return new VBox(4, heading, text);
    }

    private void rebuildEditor() {
        ParamForm form = vm.formProperty().get();
        // A part added, removed or retyped rebuilds the form of the same curve: keep the place and the focus.
        boolean sameCurve = form != null && form.curve() == shownCurve;
        double scrolled = sameCurve && formScroll != null ? formScroll.getVvalue() : 0;
        javafx.scene.Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        String focusedId = sameCurve && focused != null && focused.getId() != null && isInEditor(focused) ? focused.getId() : null;
        editor.getChildren().clear();
        shownCurve = form == null ? null : form.curve();
        formScroll = null;
        if (form == null) {
            Label empty = new Label("No schedule selected.\n\nAdd a preset or a type on the left, then tune it here.");
            empty.setWrapText(true);
            empty.getStyleClass().add("hint");
            editor.getChildren().add(empty);
            return;
        }
        CurveModel curve = form.curve();
        Label name = new Label();
        name.textProperty().bind(curve.nameProperty());
        name.getStyleClass().add("pane-title");
        ScheduleTypes.Entry type = ScheduleTypes.of(curve.type());
        Label about = new Label(type.description() + "  ·  JSON type \"" + type.type() + "\"");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than be cut to "…"
        about.getStyleClass().add("hint");
        Label general = new Label();
        general.getStyleClass().add("form-error");
        general.setWrapText(true);
        general.setMinHeight(Region.USE_PREF_SIZE);
        general.textProperty().bind(form.generalErrorProperty());
        general.visibleProperty().bind(form.generalErrorProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());
        general.setId("form-error");

        VBox content = ParamFormView.build(form, vm);
        if (curve.plateauExample() != null) {
            content.getChildren().add(PlateauExampleView.build(curve, vm));
        }
        content.setPadding(new Insets(0, 10, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("form-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setVvalue(scrolled);
        formScroll = scroll;

        Button save = new Button("_Save…");
        save.setId("save");
        save.setTooltip(new Tooltip("Save as schedules/NAME.json in the workbench home (Ctrl+S)"));
        save.setOnAction(e -> save());
        MenuButton copy = new MenuButton("Copy c_ode");
        copy.setId("copy-code");
        copy.setTooltip(new Tooltip("Copy this schedule as code for your framework"));
        for (SnippetFormat f : vm.snippetFormats()) {
            MenuItem item = new MenuItem(f.label());
            item.setOnAction(e -> copy(f));
            copy.getItems().add(item);
        }
        Button train = new Button("_Train with this");
        train.setId("designer-train");
        train.setTooltip(new Tooltip("Open Training with this schedule filled in"));
        train.setOnAction(e -> vm.trainWithSelected());
        // No dead button: it exists only while a training workspace takes schedules.
        train.visibleProperty().bind(vm.canTrainProperty());
        train.managedProperty().bind(train.visibleProperty());
        HBox actions = new HBox(8, save, copy, train);
        for (Region r : List.of(save, copy, train)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the editor is never narrower than its buttons
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        // The form's own error sits under the form, above the buttons: when it comes or goes, the fields being
        // typed in and the slider being dragged stay where they are.
        editor.getChildren().addAll(name, about, scroll, general, actions);
        if (focusedId != null) {
            javafx.scene.Node again = content.lookup("#" + focusedId);
            if (again != null && !again.isDisabled()) {
                again.requestFocus();
            }
        }
    }

    private boolean isInEditor(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p == editor) {
                return true;
            }
        }
        return false;
    }

    private HBox statusLine() {
        Label status = new Label();
        status.setId("designer-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.noticeProperty().get().text(), vm.noticeProperty()));
        vm.noticeProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove("status-error");
            if (b.error()) {
                status.getStyleClass().add("status-error");
            }
        });
        HBox line = new HBox(status);
        line.setPadding(new Insets(3, 12, 3, 12));
        line.getStyleClass().add("designer-status");
        line.setMinHeight(24);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void onShortcut(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.S) {
            save();
        } else if (e.getCode() == KeyCode.L) {
            vm.logScaleProperty().set(!vm.logScaleProperty().get());
        } else {
            return;
        }
        e.consume();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void save() {
        CurveModel c = vm.selected();
        if (c == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(ScheduleLibrary.suggestName(c.name()));
        dialog.initOwner(window());
        dialog.setTitle("Save schedule");
        dialog.setHeaderText("Save \"" + c.name() + "\" in " + vm.library().home().schedules());
        dialog.setContentText("File name (without .json):");
        dialog.getEditor().setId("save-name");
        keepOpenWhileTheNameIsWrong(dialog);
        Optional<String> name = dialog.showAndWait().map(String::strip);
        if (name.isEmpty()) {
            return;
        }
        // Whether the file exists is asked off the FX thread; the question, if any, comes when the answer does.
        vm.isSaved(name.get()).thenAccept(exists -> {
            if (exists && !confirmReplace(vm.library().fileOf(name.get()))) {
                return;
            }
            vm.save(c, name.get());
        });
    }

    /** A name that cannot name a file keeps the dialog open, the rule in one line under the field. */
    private static void keepOpenWhileTheNameIsWrong(TextInputDialog dialog) {
        Label error = new Label();
        error.setId("save-name-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        javafx.scene.control.TextField editor = dialog.getEditor();
        javafx.scene.Node fields = dialog.getDialogPane().getContent();
        dialog.getDialogPane().setContent(new VBox(6, fields, error));
        editor.textProperty().addListener((o, was, now) -> {
            error.setText("");
            editor.getStyleClass().remove("invalid");
        });
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String why = ScheduleLibrary.checkName(editor.getText() == null ? "" : editor.getText().strip());
            if (why != null) {
                error.setText(why.substring(0, 1).toUpperCase() + why.substring(1));
                if (!editor.getStyleClass().contains("invalid")) {
                    editor.getStyleClass().add("invalid");
                }
                e.consume(); // the dialog stays, with the name to correct
            }
        });
    }

    private boolean confirmReplace(Path file) {
        Alert replace = new Alert(Alert.AlertType.CONFIRMATION, "Replace " + file + "?", ButtonType.OK, ButtonType.CANCEL);
        replace.initOwner(window());
        replace.setHeaderText("A saved schedule has this name");
        return replace.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    private void copy(SnippetFormat format) {
        String code = vm.snippet(format);
        if (code != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(code);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void exportPng() {
        Path file = files.choose(window(), "Export chart as PNG", "png", vm.suggestedExportFile("png"));
        if (file == null) {
            return;
        }
        chart.flush();
        chart.chart().crosshair().hide();
        vm.exportPng(PngExport.snapshot(chart.node(), 2), file);
    }

    private void exportCsv() {
        Path file = files.choose(window(), "Export curves as CSV", "csv", vm.suggestedExportFile("csv"));
        if (file != null) {
            vm.exportCsv(file);
        }
    }
}
