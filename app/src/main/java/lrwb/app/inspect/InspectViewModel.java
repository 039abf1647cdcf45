package lrwb.app.inspect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.files.PngFile;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.DataException;
import lrwb.engine.inspect.ConfusionMatrix;
import lrwb.engine.inspect.ConvLayer;
import lrwb.engine.inspect.DecisionBoundary;
import lrwb.engine.inspect.HeatMap;
import lrwb.engine.inspect.InspectException;
import lrwb.engine.inspect.InspectPictures;
import lrwb.engine.inspect.Misclassified;
import lrwb.engine.inspect.RunInspection;
import lrwb.engine.run.EpochParametersRecord;
import lrwb.engine.run.RunHandle;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The Inspect view's state for one training run: its confusion matrix, its misclassified validation images (sorted,
 * with Grad-CAM overlays when asked), its decision boundary for 2-D data. The run is opened and every picture is
 * computed on the injected executor; a {@link RunInspection} is used by one task at a time.
 */
public final class InspectViewModel {
    /** Tiles in the grid: the mistakes that matter most under the chosen order, and a grid that stays quick. */
    public static final int MAX_TILES = 60;
    /** Pixels a side of the decision boundary picture. */
    static final int BOUNDARY_PIXELS = 520;

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper image = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper plane = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<MistakeTile> tiles = FXCollections.observableArrayList();
    // One read-only face each: a view's listener on a fresh wrapper would go with the wrapper (it listens weakly).
    private final ObservableList<MistakeTile> shownTiles = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyStringWrapper mistakesSummary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<MistakeOrder> order = new SimpleObjectProperty<>(MistakeOrder.MOST_CONFIDENT);
    private final ObservableList<ConvLayer> layers = FXCollections.observableArrayList();
    private final ObservableList<ConvLayer> shownLayers = FXCollections.unmodifiableObservableList(layers);
    private final ObjectProperty<ConvLayer> layer = new SimpleObjectProperty<>();
    private final BooleanProperty gradCam = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper gradCamNote = new ReadOnlyStringWrapper("");
    private final BoundaryViewModel boundary;

    private RunInspection run;
    private Path runDir;
    /** The run's handle while it trains in this process (its boundary is shown live), else null. */
    private RunHandle live;
    private List<Misclassified> mistakes = List.of();
    /** Counts the changes of what the grid shows, so a late result of an older choice is dropped. */
    private int generation;

    public InspectViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.boundary = new BoundaryViewModel(executor, BOUNDARY_PIXELS);
        order.addListener((o, was, now) -> showTiles());
        gradCam.addListener((o, was, now) -> refreshHeat());
        layer.addListener((o, was, now) -> refreshHeat());
    }

    /** FX thread: opens the run again, e.g. for the network a live run saved after its latest epoch. */
    public CompletableFuture<Void> reload() {
        return runDir == null ? CompletableFuture.completedFuture(null) : open(runDir, live);
    }

    /** FX thread: opens a training run's folder (reading its network and data off the FX thread). */
    public CompletableFuture<Void> open(Path runDir) {
        return open(runDir, null);
    }

    /**
     * FX thread: opens a training run's folder (reading its network and data off the FX thread); for 2-D data
     * trained in this process, its decision boundary follows the run live.
     *
     * @param live the run's handle while it trains in this process, else null
     */
    public CompletableFuture<Void> open(Path runDir, RunHandle live) {
        this.runDir = runDir;
        this.live = live;
        title.set(runDir.getFileName() == null ? runDir.toString() : runDir.getFileName().toString());
        busy.set(true);
        say("Reading the run's network and data…", false);
        int mine = ++generation;
        return executor.supply(() -> {
            RunInspection opened = RunInspection.open(runDir);
            return new Opened(opened, opened.request().name(), opened.confusion(), opened.misclassified(),
                    opened.convLayers(), opened.isPlane() ? opened.boundaryPicture(
                    opened.boundary(DecisionBoundary.DEFAULT_SIZE), BOUNDARY_PIXELS) : null,
                    opened.isPlane() ? opened.recordedEpochs() : null);
        }).handle((o, error) -> {
            busy.set(false);
            if (error != null) {
                Throwable cause = TaskExecutor.cause(error);
                boolean expected = cause instanceof InspectException || cause instanceof DataException;
                say(expected ? cause.getMessage() : "Cannot inspect the run: " + cause.getMessage(), true);
                return null;
            }
            if (mine != generation) {
                return null;
            }
            run = o.run();
            title.set(o.name());
            image.set(run.isImage());
            plane.set(run.isPlane());
            confusion.set(o.confusion());
            mistakes = o.mistakes();
            if (run.isPlane()) {
                boundary.show(run, o.boundary(), o.recorded(), live);
            }
            layers.setAll(o.layers());
            layer.set(o.layers().isEmpty() ? null : o.layers().get(o.layers().size() - 1));
            gradCamNote.set(run.isImage() && o.layers().isEmpty()
                    ? (run.layerList().isPresent() ? "No Grad-CAM: the network has no convolutional layer"
                    : "No Grad-CAM: Grad-CAM needs a layer list network (this one is a graph)") : "");
            say(String.format(Locale.ROOT, "Validation accuracy %.1f%%: %d of %d examples misclassified.",
                    100 * o.confusion().accuracy(), mistakes.size(), total(o.confusion())), false);
            showTiles();
            return null;
        });
    }

    private record Opened(RunInspection run, String name, ConfusionMatrix confusion, List<Misclassified> mistakes,
                          List<ConvLayer> layers, BufferedImage boundary, EpochParametersRecord recorded) {
    }

    private static long total(ConfusionMatrix m) {
        long n = 0;
        for (int t = 0; t < m.numClasses(); t++) {
            n += m.support(t);
        }
        return n;
    }

    /** Rebuilds the grid's tiles for the current order, then their overlays if Grad-CAM is on. */
    private void showTiles() {
        if (run == null || !run.isImage()) {
            tiles.clear();
            mistakesSummary.set("");
            return;
        }
        List<Misclassified> shown = new ArrayList<>(mistakes);
        shown.sort(order.get().comparator());
        List<Misclassified> first = List.copyOf(shown.subList(0, Math.min(MAX_TILES, shown.size())));
        mistakesSummary.set(mistakes.isEmpty() ? "No validation image is misclassified."
                : first.size() < mistakes.size() ? "The first " + first.size() + " of " + mistakes.size() + " misclassified images"
                : mistakes.size() + " misclassified images");
        RunInspection inspected = run;
        List<String> names = inspected.data().classNames();
        int mine = ++generation;
        boolean withHeat = gradCam.get() && layer.get() != null;
        ConvLayer chosen = layer.get();
        busy.set(true);
        executor.supply(() -> {
            synchronized (inspected) {
                List<HeatMap> maps = withHeat ? inspected.heatMaps(inspected.gradCam(String.valueOf(chosen.index())), first)
                        : List.of();
                List<MistakeTile> made = new ArrayList<>();
                for (int i = 0; i < first.size(); i++) {
                    Misclassified m = first.get(i);
                    BufferedImage picture = inspected.validationImage(m.index());
                    made.add(new MistakeTile(m, names.get(m.trueClass()) + " → " + names.get(m.predictedClass()),
                            String.format(Locale.ROOT, "#%d  %.0f%%", m.index(), 100 * m.confidence()), picture,
                            withHeat ? InspectPictures.overlay(picture, maps.get(i)) : null));
                }
                return made;
            }
        }).handle((made, error) -> {
            if (mine != generation) {
                return null;
            }
            busy.set(false);
            if (error != null) {
                say("The images cannot be shown: " + TaskExecutor.cause(error).getMessage(), true);
                return null;
            }
            tiles.setAll(made);
            return null;
        });
    }

    private void refreshHeat() {
        if (run != null && run.isImage()) {
            if (gradCam.get() && layer.get() != null) {
                gradCamNote.set("Grad-CAM at layer " + layer.get().label() + ": red where the evidence for the predicted class is");
            }
            showTiles();
        }
    }

    /** Writes an image taken on the FX thread to {@code file}, off the FX thread, and says how it went. */
    public CompletableFuture<Void> exportPng(BufferedImage picture, Path file) {
        return PngFile.write(executor, picture, file).thenAccept(failure -> say(failure == null ? "Exported " + file
                : "Not written to " + file + ": " + failure.getMessage(), failure != null));
    }

    private void say(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** True while the run is being opened or the grid's images (and their Grad-CAM maps) are being made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The validation confusion matrix; null until the run is open. */
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /** Image data: the misclassified grid and Grad-CAM apply. */
    public ReadOnlyBooleanProperty imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** 2-D data: the decision boundary applies. */
    public ReadOnlyBooleanProperty planeProperty() {
        return plane.getReadOnlyProperty();
    }

    /** The grid's tiles, at most {@link #MAX_TILES}, in the chosen order. */
    public ObservableList<MistakeTile> tiles() {
        return shownTiles;
    }

    /** What the grid shows of all mistakes, e.g. "The first 60 of 212 misclassified images". */
    public ReadOnlyStringProperty mistakesSummaryProperty() {
        return mistakesSummary.getReadOnlyProperty();
    }

    /** The grid's order; default most confident first. */
    public ObjectProperty<MistakeOrder> orderProperty() {
        return order;
    }

    /** The network's convolutional layers, first to last: Grad-CAM's choices (empty: no Grad-CAM). */
    public ObservableList<ConvLayer> layers() {
        return shownLayers;
    }

    /** Grad-CAM's layer; the last convolutional one by default. */
    public ObjectProperty<ConvLayer> layerProperty() {
        return layer;
    }

    /** Whether the grid shows Grad-CAM overlays; default off. */
    public BooleanProperty gradCamProperty() {
        return gradCam;
    }

    /** Why there is no Grad-CAM, or what it shows. */
    public ReadOnlyStringProperty gradCamNoteProperty() {
        return gradCamNote.getReadOnlyProperty();
    }

    /** The decision boundary picture for 2-D data (live, a replayed epoch or the saved network); null otherwise. */
    public ReadOnlyObjectProperty<BufferedImage> boundaryProperty() {
        return boundary.pictureProperty();
    }

    /** The decision boundary tab: live frames, the epoch replay. */
    public BoundaryViewModel boundary() {
        return boundary;
    }

    /** FX thread: the window closes; a live run is no longer watched. */
    public void close() {
        boundary.close();
    }
}
