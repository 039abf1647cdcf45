package lrwb.app.designer;

import lrwb.app.files.PngFile;
import lrwb.app.files.ScheduleLibrary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import lrwb.app.chart.CurveColors;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.Unit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Schedule Designer's state: the curves being compared, the selected one and its form, the chart's
 * length and axes, and the actions (add, duplicate, reorder, save, load, export, copy code). JavaFX
 * properties only, no nodes: tested without a stage. Files are read and written on the injected executor, never
 * on the FX thread.
 */
public final class DesignerViewModel {
    /** A longer chart would make a slider drag slower than a frame; 200k steps stay well inside it. */
    public static final int MAX_ITERATIONS = 200_000;

    private final ObservableList<CurveModel> curves = FXCollections.observableArrayList();
    private final ObjectProperty<CurveModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ParamForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final IntegerProperty stepsPerEpoch = new SimpleIntegerProperty(this, "stepsPerEpoch", 100);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 100);
    private final ReadOnlyIntegerWrapper totalSteps = new ReadOnlyIntegerWrapper(this, "totalSteps");
    private final ObjectProperty<Unit> xUnit = new SimpleObjectProperty<>(this, "xUnit", Unit.ITERATION);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final ReadOnlyStringWrapper formula = new ReadOnlyStringWrapper(this, "formula", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice",
            Notice.info("Hover the chart to read every curve's LR. Double-click a name to rename it."));
    private final ObjectProperty<Consumer<ScheduleSpec>> trainHandler = new SimpleObjectProperty<>(this, "trainHandler");
    private final BooleanBinding canTrain;
    private final ScheduleLibrary library;
    private final TaskExecutor executor;
    private final List<SnippetFormat> snippetFormats;
    private final ChangeListener<Object> formulaInputs = (o, a, b) -> updateFormula();
    private final ReadOnlyObjectWrapper<InvalidSpecException> selectedError = new ReadOnlyObjectWrapper<>(this, "selectedError");
    private final ChangeListener<InvalidSpecException> errorFollower = (o, a, b) -> selectedError.set(b);
    private final ReadOnlyStringWrapper formulaTitle = new ReadOnlyStringWrapper(this, "formulaTitle", "Formula");
    private final ChangeListener<String> nameFollower = (o, a, b) -> updateFormulaTitle();

    /**
     * @param codeFormats the code languages the shell offers (engine code export); the JSON spec is always offered first
     * @param executor    where saved schedules are read and written and exports written
     */
    public DesignerViewModel(ScheduleLibrary library, List<SnippetFormat> codeFormats, TaskExecutor executor) {
        this.library = library;
        this.executor = executor;
        List<SnippetFormat> formats = new ArrayList<>();
        formats.add(SnippetFormat.JSON);
        formats.addAll(codeFormats);
        this.snippetFormats = List.copyOf(formats);
        totalSteps.bind(Bindings.createIntegerBinding(
                () -> (int) Math.min(MAX_ITERATIONS, Math.max(1L, (long) epochs.get() * Math.max(1, stepsPerEpoch.get()))),
                epochs, stepsPerEpoch));
        selected.addListener((o, old, now) -> {
            if (old != null) {
                old.specProperty().removeListener(formulaInputs);
                old.errorProperty().removeListener(errorFollower);
                old.nameProperty().removeListener(nameFollower);
            }
            if (now != null) {
                now.specProperty().addListener(formulaInputs);
                now.errorProperty().addListener(errorFollower);
                now.nameProperty().addListener(nameFollower);
            }
            selectedError.set(now == null ? null : now.errorProperty().get());
            rebuildForm();
            updateFormula();
            updateFormulaTitle();
        });
        totalSteps.addListener(formulaInputs);
        stepsPerEpoch.addListener(formulaInputs);
        // Step sliders span the chart's length, so they follow it.
        totalSteps.addListener((o, a, b) -> rebuildForm());
        canTrain = Bindings.createBooleanBinding(
                () -> trainHandler.get() != null && selected.get() != null, trainHandler, selected);
    }

    // ---- the curves ----

    public ObservableList<CurveModel> curves() {
        return curves;
    }

    public ObjectProperty<CurveModel> selectedProperty() {
        return selected;
    }

    public CurveModel selected() {
        return selected.get();
    }

    /** Adds a curve with a name not yet taken and the next free colour, and selects it. */
    public CurveModel add(String name, ScheduleSpec spec) {
        PlateauExample example = null;
        if (spec instanceof PlateauSchedule p) {
            example = new PlateauExample(PlateauExample.typical(epochs.get(), p.mode() == PlateauSchedule.Mode.MAX));
        }
        CurveModel c = new CurveModel(uniqueName(name), spec, nextColor(), example);
        curves.add(c);
        selected.set(c);
        return c;
    }

    /** Adds the palette's starting spec of a type. */
    public CurveModel addType(String type) {
        ScheduleTypes.Entry e = ScheduleTypes.of(type);
        return add(e.title(), e.starter());
    }

    public CurveModel addPreset(Preset preset) {
        return add(preset.name(), preset.spec());
    }

    /** A copy of the curve's last valid spec, next to it. */
    public CurveModel duplicate(CurveModel c) {
        CurveModel copy = add(c.name() + " copy", c.spec());
        curves.remove(copy);
        curves.add(curves.indexOf(c) + 1, copy);
        if (c.plateauExample() != null) {
            copy.plateauExample().textProperty().set(c.plateauExample().textProperty().get());
        }
        selected.set(copy);
        return copy;
    }

    /** Removes a curve; the selection moves to its neighbour. */
    public void remove(CurveModel c) {
        int i = curves.indexOf(c);
        if (i < 0) {
            return;
        }
        curves.remove(i);
        if (selected.get() == c) {
            selected.set(curves.isEmpty() ? null : curves.get(Math.min(i, curves.size() - 1)));
        }
    }

    /** Moves a curve up (-1) or down (+1) the list, which is also the drawing order. */
    public void move(CurveModel c, int delta) {
        int i = curves.indexOf(c);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= curves.size()) {
            return;
        }
        curves.remove(i);
        curves.add(j, c);
        selected.set(c);
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return curves.stream().anyMatch(c -> c.name().equals(name));
    }

    private Color nextColor() {
        return CurveColors.next(curves.stream().map(c -> c.colorProperty().get()).toList());
    }

    // ---- the parts of a sequential ----

    /**
     * Appends a part of {@code type} to the selected sequential, starting a quarter of the chart after its last
     * milestone (or a quarter in, when it has one part) at the LR of the part before it. False (with a notice)
     * when the selection is not a sequential or the type cannot be a part.
     */
    public boolean addPart(String type) {
        ObjectNode tree = selectedSequential();
        if (tree == null || !partType(type)) {
            return false;
        }
        long length = Math.max(1, Math.round(horizon(tree.path("unit").asText("iteration")) / 4));
        int index = SequentialParts.parts(tree).size();
        applyParts(SequentialParts.add(tree, type, length), "Added part " + (index + 1) + " · " + ScheduleTypes.title(type));
        return true;
    }

    /**
     * Removes part {@code index} of the selected sequential with the milestone that starts it (the first
     * milestone for the first part). The last remaining part is not removed: a notice says to change its type.
     */
    public boolean removePart(int index) {
        ObjectNode tree = selectedSequential();
        if (tree == null || !partIndex(tree, index)) {
            return false;
        }
        if (SequentialParts.parts(tree).size() == 1) {
            notice.set(Notice.error("Not removed: a sequential needs at least one part. Change its type instead."));
            return false;
        }
        String title = ScheduleTypes.title(SequentialParts.typeOf(tree, index));
        applyParts(SequentialParts.remove(tree, index), "Removed part " + (index + 1) + " · " + title);
        return true;
    }

    /** Replaces part {@code index} by the starter of {@code type}, keeping its {@code lr} (or {@code maxLr}) and unit. */
    public boolean changePartType(int index, String type) {
        ObjectNode tree = selectedSequential();
        if (tree == null || !partIndex(tree, index) || !partType(type)) {
            return false;
        }
        if (type.equals(SequentialParts.typeOf(tree, index))) {
            return true;
        }
        applyParts(SequentialParts.changeType(tree, index, type),
                "Part " + (index + 1) + " is now " + ScheduleTypes.title(type));
        return true;
    }

    /** Swaps part {@code index} with the one before (-1) or after (+1); the milestones stay where they are. */
    public boolean movePart(int index, int delta) {
        ObjectNode tree = selectedSequential();
        if (tree == null || !partIndex(tree, index)) {
            return false;
        }
        int other = index + delta;
        if (other < 0 || other >= SequentialParts.parts(tree).size()) {
            return false;
        }
        applyParts(SequentialParts.move(tree, index, delta), "Moved part " + (index + 1) + " to " + (other + 1));
        return true;
    }

    /** The selected curve's tree when it is a sequential, else null with a notice. */
    private ObjectNode selectedSequential() {
        CurveModel c = selected.get();
        if (c == null || !c.type().equals("sequential")) {
            notice.set(Notice.error("Select a sequential schedule to edit its parts"));
            return null;
        }
        return c.edited();
    }

    private boolean partIndex(ObjectNode tree, int index) {
        if (index < 0 || index >= SequentialParts.parts(tree).size()) {
            notice.set(Notice.error("No part " + (index + 1) + " in " + selected.get().name()));
            return false;
        }
        return true;
    }

    private boolean partType(String type) {
        if (!ScheduleTypes.PART_TYPES.contains(type)) {
            notice.set(Notice.error("A part cannot be " + ScheduleTypes.title(type)
                    + (type.equals("plateau") ? ": it follows a metric, so it has no fixed curve to chain" : "")));
            return false;
        }
        return true;
    }

    /** Writes the edited tree through the same read as every edit, then rebuilds the form for the new parts. */
    private void applyParts(ObjectNode tree, String done) {
        CurveModel c = selected.get();
        c.replaceTree(tree);
        rebuildForm();
        InvalidSpecException problem = c.errorProperty().get();
        notice.set(problem == null ? Notice.info(done)
                : Notice.error(done + ", but " + problem.getMessage() + " (the chart keeps the last valid curve)"));
    }

    private double horizon(String unit) {
        return "epoch".equals(unit) ? epochs.get() : totalSteps.get();
    }

    // ---- the form and the formula ----

    /** The selected curve's form; replaced when the selection (or the chart's length) changes. */
    public ReadOnlyObjectProperty<ParamForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    private void rebuildForm() {
        if (form.get() != null) {
            form.get().dispose();
        }
        CurveModel c = selected.get();
        form.set(c == null ? null : new ParamForm(c, this::horizon));
    }

    /** What is wrong with the selected curve's current edit, or null (the chart and formula show its last valid spec). */
    public ReadOnlyObjectProperty<InvalidSpecException> selectedErrorProperty() {
        return selectedError.getReadOnlyProperty();
    }

    /** The selected schedule's formula with its numbers, and a few values it gives. */
    public ReadOnlyStringProperty formulaProperty() {
        return formula.getReadOnlyProperty();
    }

    /** "Formula · NAME" of the selected curve, following a rename. */
    public ReadOnlyStringProperty formulaTitleProperty() {
        return formulaTitle.getReadOnlyProperty();
    }

    private void updateFormulaTitle() {
        CurveModel c = selected.get();
        formulaTitle.set(c == null ? "Formula" : "Formula · " + c.name());
    }

    private void updateFormula() {
        CurveModel c = selected.get();
        formula.set(c == null ? "" : FormulaText.describe(c.spec(), totalSteps.get(), stepsPerEpoch.get()));
    }

    // ---- the chart ----

    public IntegerProperty stepsPerEpochProperty() {
        return stepsPerEpoch;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Iterations on the chart: epochs × steps per epoch, at most {@link #MAX_ITERATIONS}. */
    public ReadOnlyIntegerProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    /** What the x axis counts: iterations or epochs. */
    public ObjectProperty<Unit> xUnitProperty() {
        return xUnit;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /**
     * The LR of every iteration on the chart for a curve, into {@code reuse} when it is long enough.
     * A plateau is simulated on its example metric.
     */
    public double[] samples(CurveModel c, double[] reuse) {
        return CurveSamples.lr(c.spec(), c.plateauExample(), totalSteps.get(), stepsPerEpoch.get(), reuse);
    }

    /**
     * The momentum (β1) of every iteration on the chart for a curve that cycles it, into {@code reuse} when it is long
     * enough; null for a curve that does not.
     */
    public double[] momentumSamples(CurveModel c, double[] reuse) {
        return CurveSamples.momentum(c.spec(), totalSteps.get(), stepsPerEpoch.get(), reuse);
    }

    // ---- files ----

    public ScheduleLibrary library() {
        return library;
    }

    /**
     * Saves the curve's spec as {@code schedules/NAME.json}, written off the FX thread.
     *
     * @return completes on the FX thread with true once saved, false with a notice saying why not (at once
     *         when the curve has an error)
     */
    public CompletableFuture<Boolean> save(CurveModel c, String name) {
        InvalidSpecException problem = c.errorProperty().get();
        if (problem != null) {
            notice.set(Notice.error("Not saved: fix " + problem.getMessage() + " first"));
            return CompletableFuture.completedFuture(false);
        }
        ScheduleSpec spec = c.spec();
        return executor.supply(() -> library.save(name, spec)).handle((file, error) -> {
            Throwable e = error == null ? null : TaskExecutor.cause(error);
            if (e == null) {
                notice.set(Notice.info("Saved " + file));
                return true;
            }
            notice.set(Notice.error(e instanceof IOException ? "Not saved: could not write " + library.fileOf(name) + ": " + e.getMessage()
                    : "Not saved: " + e.getMessage()));
            return false;
        });
    }

    /** Whether a schedule is saved under {@code name}, looked up off the FX thread; completes on the FX thread. */
    public CompletableFuture<Boolean> isSaved(String name) {
        Path file = library.fileOf(name);
        return executor.supply(() -> Files.exists(file));
    }

    /**
     * Reads the saved schedule {@code name} off the FX thread and adds it as a new curve.
     *
     * @return completes on the FX thread with the curve, or null (with a notice) when the file cannot be read
     */
    public CompletableFuture<CurveModel> load(String name) {
        return executor.supply(() -> library.load(name)).handle((spec, error) -> {
            Throwable e = error == null ? null : TaskExecutor.cause(error);
            if (e == null) {
                CurveModel c = add(name, spec);
                notice.set(Notice.info("Loaded " + library.fileOf(name)));
                return c;
            }
            notice.set(Notice.error((e instanceof IOException ? "Could not read " : "Could not load ") + library.fileOf(name) + ": "
                    + e.getMessage()));
            return null;
        });
    }

    /** Names of the saved schedules, listed off the FX thread; empty (with a notice) when the folder cannot be listed. */
    public CompletableFuture<List<String>> savedNames() {
        return executor.supply(library::names).handle((names, error) -> {
            if (error != null) {
                notice.set(Notice.error("Could not list " + library.home().schedules() + ": " + TaskExecutor.cause(error).getMessage()));
                return List.of();
            }
            return names;
        });
    }

    /**
     * Writes the visible curves as CSV: iteration, epoch, then one LR column per curve. The curves are sampled
     * here, the file written off the FX thread.
     *
     * @return completes on the FX thread with true once written, false with a notice saying why not
     */
    public CompletableFuture<Boolean> exportCsv(Path file) {
        List<CurveCsv.Column> columns = new ArrayList<>();
        for (CurveModel c : curves) {
            if (c.visibleProperty().get()) {
                columns.add(new CurveCsv.Column(c.name(), samples(c, null)));
            }
        }
        int steps = totalSteps.get();
        int spe = stepsPerEpoch.get();
        if (columns.isEmpty()) {
            notice.set(Notice.error("Nothing to export: add a curve or show a hidden one first"));
            return CompletableFuture.completedFuture(false);
        }
        return executor.supply(() -> {
            CurveCsv.write(file, columns, steps, spe);
            return null;
        }).handle((done, error) -> {
            if (error != null) {
                notice.set(Notice.error("CSV not written to " + file + ": " + TaskExecutor.cause(error).getMessage()));
                return false;
            }
            notice.set(Notice.info("Exported " + columns.size() + " curve(s) × " + steps + " steps to " + file));
            return true;
        });
    }

    /** Where an export goes unless the user picks another place: {@code exports/} in the workbench home. */
    public Path suggestedExportFile(String extension) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return library.home().root().resolve("exports").resolve("schedules-" + stamp + "." + extension);
    }

    /** Writes a chart image taken on the FX thread to {@code file}, off the FX thread, and says how it went. */
    public CompletableFuture<Void> exportPng(BufferedImage image, Path file) {
        return PngFile.write(executor, image, file).thenAccept(failure -> reportExport(file, failure));
    }

    /** How a PNG export went: records the outcome of a PNG export. */
    public void reportExport(Path file, IOException failure) {
        notice.set(failure == null ? Notice.info("Exported chart to " + file)
                : Notice.error("Chart not written to " + file + ": " + failure.getMessage()));
    }

    // ---- code ----

    /** JSON first, then the shell's code languages. */
    public List<SnippetFormat> snippetFormats() {
        return snippetFormats;
    }

    /** The selected schedule in a format, or null (with a notice) when there is nothing to copy or it fails. */
    public String snippet(SnippetFormat format) {
        CurveModel c = selected.get();
        if (c == null) {
            notice.set(Notice.error("Select a schedule to copy"));
            return null;
        }
        try {
            String code = format.writer().snippet(c.spec(), stepsPerEpoch.get());
            notice.set(Notice.info("Copied " + c.name() + " as " + format.label()
                    + (c.isValid() ? "" : " (its last valid version: the form has an error)")));
            return code;
        } catch (RuntimeException e) {
            notice.set(Notice.error("Could not write " + format.label() + " code: " + e.getMessage()));
            return null;
        }
    }

    // ---- train with this ----

    /**
     * What "train with this schedule" does. The Training workspace sets it; while it is null the Designer
     * offers no such action.
     */
    public ObjectProperty<Consumer<ScheduleSpec>> trainHandlerProperty() {
        return trainHandler;
    }

    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    /** Hands the selected schedule (its last valid spec) to the training handler. */
    public void trainWithSelected() {
        if (canTrain.get()) {
            trainHandler.get().accept(selected.get().spec());
        }
    }

    // ---- status ----

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
