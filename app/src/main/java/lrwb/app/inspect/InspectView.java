package lrwb.app.inspect;

import lrwb.app.form.DisplayNames;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.util.Duration;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import lrwb.app.chart.PngExport;
import lrwb.app.files.FileTarget;
import lrwb.engine.inspect.ConvLayer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Inspect: what a trained network gets wrong. Tabs for the confusion matrix, the misclassified validation images
 * (sortable by confidence, Grad-CAM overlays with a layer choice) and the decision boundary of 2-D data; the shown
 * tab exports as a PNG.
 */
public final class InspectView {
    /** Pixels a side of a grid image: small images are scaled up by a whole factor (sharp pixels). */
    static final int TILE = 96;
    /** A tile's width: room under the image for a caption like {@code triangle → square}. */
    static final int TILE_WIDTH = 124;

    private final InspectViewModel vm;
    private final FileTarget files;
    private final Path exportFolder;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab confusionTab = new Tab("Confusion matrix");
    private final Tab mistakesTab = new Tab("Misclassified");
    private final Tab boundaryTab = new Tab("Decision boundary");
    private final TilePane grid = new TilePane(8, 8);
    private final StackPane confusionArea = new StackPane();
    private final ImageView boundaryImage = new ImageView();
    /** The running "Replay", if any. */
    private Timeline replaying;

    /** @param exportFolder where a PNG export is suggested */
    public InspectView(InspectViewModel vm, FileTarget files, Path exportFolder) {
        this.vm = vm;
        this.files = files;
        this.exportFolder = exportFolder;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("inspect-tabs");
        confusionTab.setContent(scroll(confusionArea));
        mistakesTab.setContent(mistakesPane());
        boundaryTab.setContent(boundaryPane());
        tabs.getTabs().add(confusionTab);
        vm.confusionProperty().addListener((o, was, now) -> confusionArea.getChildren().setAll(now == null ? new Label()
                : new VBox(hint("Validation set: a row per true class, a column per predicted class; each cell its count "
                + "and its share of the row (the diagonal is the class's recall)."), ConfusionGrid.of(now))));
        confusionArea.setAlignment(Pos.TOP_LEFT);
        vm.imageProperty().addListener((o, was, now) -> showTab(mistakesTab, now));
        vm.planeProperty().addListener((o, was, now) -> showTab(boundaryTab, now));
        vm.boundaryProperty().addListener((o, was, now) -> boundaryImage.setImage(now == null ? null : SwingFXUtils.toFXImage(now, null)));
        boundaryImage.setId("inspect-boundary");
        vm.tiles().addListener((javafx.collections.ListChangeListener<MistakeTile>) c -> fillGrid());
        vm.gradCamProperty().addListener((o, was, now) -> fillGrid());

        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("inspect-title");
        Button png = new Button("Export PNG…");
        png.setId("inspect-export-png");
        png.setTooltip(new Tooltip("Save the shown tab as an image"));
        png.setOnAction(e -> exportPng());
        png.disableProperty().bind(vm.confusionProperty().isNull());
        Button reload = new Button("Reload");
        reload.setId("inspect-reload");
        reload.setTooltip(new Tooltip("Read the run's network again: a run still training saves it after every epoch"));
        reload.setOnAction(e -> vm.reload());
        reload.disableProperty().bind(vm.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, reload, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 6, 12));

        Label status = new Label();
        status.setId("inspect-status");
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(vm.statusIsErrorProperty()).then("-fx-text-fill: #b00020;").otherwise(""));
        status.setPadding(new Insets(4, 12, 6, 12));
        status.setWrapText(true);

        javafx.scene.control.ProgressIndicator reading = new javafx.scene.control.ProgressIndicator();
        reading.setId("inspect-busy");
        reading.setMaxSize(48, 48);
        reading.visibleProperty().bind(vm.busyProperty());
        reading.setMouseTransparent(true);
        root.setTop(bar);
        root.setCenter(new StackPane(tabs, reading));
        root.setBottom(status);
        root.setId("inspect");
    }

    public Region node() {
        return root;
    }

    private void showTab(Tab tab, boolean shown) {
        if (shown && !tabs.getTabs().contains(tab)) {
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
        } else if (!shown) {
            tabs.getTabs().remove(tab);
        }
    }

    private Node mistakesPane() {
        ComboBox<MistakeOrder> order = new ComboBox<>();
        order.getItems().setAll(MistakeOrder.values());
        order.valueProperty().bindBidirectional(vm.orderProperty());
        order.setId("inspect-order");
        CheckBox cam = new CheckBox("Grad-CAM");
        cam.setId("inspect-gradcam");
        cam.selectedProperty().bindBidirectional(vm.gradCamProperty());
        cam.disableProperty().bind(Bindings.isEmpty(vm.layers()));
        cam.setTooltip(new Tooltip("Overlay where in each image the network found the evidence for its prediction"));
        ComboBox<ConvLayer> layer = new ComboBox<>(vm.layers());
        layer.setId("inspect-layer");
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        layer.disableProperty().bind(vm.gradCamProperty().not().or(Bindings.isEmpty(vm.layers())));
        layer.setConverter(DisplayNames.of(l -> "layer " + l.label()));
        Label note = new Label();
        note.textProperty().bind(vm.gradCamNoteProperty());
        note.getStyleClass().add("hint");
        Label summary = new Label();
        summary.textProperty().bind(vm.mistakesSummaryProperty());
        summary.getStyleClass().add("hint");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, new Label("Sort"), order, cam, layer);
        controls.setAlignment(Pos.CENTER_LEFT);
        grid.setId("inspect-grid");
        grid.setPrefColumns(6);
        grid.setPadding(new Insets(4));
        VBox pane = new VBox(6, controls, new HBox(12, summary, note), scroll(grid));
        VBox.setVgrow(pane.getChildren().get(2), Priority.ALWAYS);
        pane.setPadding(new Insets(8, 12, 4, 12));
        return pane;
    }

    private void fillGrid() {
        grid.getChildren().clear();
        for (MistakeTile t : vm.tiles()) {
            BufferedImage shown = vm.gradCamProperty().get() && t.heat() != null ? t.heat() : t.image();
            ImageView view = new ImageView(SwingFXUtils.toFXImage(shown, null));
            int scale = Math.max(1, TILE / Math.max(1, shown.getWidth()));
            view.setFitWidth(shown.getWidth() >= TILE ? TILE : shown.getWidth() * scale);
            view.setPreserveRatio(true);
            view.setSmooth(false);
            // long class names ("T-shirt/top → Ankle boot") wrap within the tile rather than end in "…"; the tooltip
            // says it all on one line
            Label caption = new Label(t.caption());
            caption.getStyleClass().add("tile-caption");
            caption.setWrapText(true);
            Label detail = new Label(t.detail());
            detail.getStyleClass().add("hint");
            detail.setWrapText(true);
            VBox tile = new VBox(2, view, caption, detail);
            Tooltip.install(tile, new Tooltip(t.caption() + "\n" + t.detail()));
            tile.setPrefWidth(TILE_WIDTH);
            tile.setMaxWidth(TILE_WIDTH);
            tile.getStyleClass().add("mistake-tile");
            grid.getChildren().add(tile);
        }
    }

    /**
     * The boundary picture as large as the tab allows, square; under it the epoch slider that replays the run, a
     * "Live" switch while the run trains here, "Replay" (the epochs one after another) and what is shown.
     */
    private Node boundaryPane() {
        BoundaryViewModel b = vm.boundary();
        StackPane holder = new StackPane(boundaryImage);
        holder.setMinSize(0, 0);
        holder.setPrefSize(1, 1); // takes what the tab leaves; the image follows, never pushes
        boundaryImage.setPreserveRatio(true);
        boundaryImage.setSmooth(true);
        boundaryImage.fitWidthProperty().bind(holder.widthProperty().subtract(16));
        boundaryImage.fitHeightProperty().bind(holder.heightProperty().subtract(16));

        ToggleButton live = new ToggleButton("Live");
        live.setId("inspect-live");
        live.selectedProperty().bindBidirectional(b.followingProperty());
        live.visibleProperty().bind(b.liveProperty().or(b.liveSeenProperty()));
        live.managedProperty().bind(live.visibleProperty());
        live.setTooltip(new Tooltip("Follow the run as it trains (a few pictures a second)"));
        Slider epochs = new Slider(1, 1, 1);
        epochs.setId("inspect-epoch");
        epochs.setBlockIncrement(1);
        epochs.maxProperty().bind(Bindings.max(1, b.epochsDoneProperty()));
        epochs.valueProperty().bindBidirectional(b.epochProperty());
        epochs.disableProperty().bind(b.replayableProperty().not());
        epochs.setTooltip(new Tooltip("Replay the boundary after any epoch the run has finished"));
        HBox.setHgrow(epochs, Priority.ALWAYS);
        epochs.setMinWidth(80);
        Button replay = new Button("Replay");
        replay.setId("inspect-replay");
        replay.setTooltip(new Tooltip("Show the epochs one after another, from the first"));
        replay.disableProperty().bind(b.replayableProperty().not());
        replay.setOnAction(e -> replayAll(b));
        Label epochLabel = new Label("Epoch");
        epochLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, live, epochLabel, epochs, replay);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(0, 12, 0, 12));
        Label caption = new Label();
        caption.setId("inspect-boundary-caption");
        caption.textProperty().bind(b.captionProperty());
        caption.setPadding(new Insets(0, 12, 6, 12));
        VBox pane = new VBox(6, hint("Class probabilities over the input plane (colours mixed by probability), every "
                + "point of the training and validation sets on top."), holder, controls, caption);
        VBox.setVgrow(holder, Priority.ALWAYS);
        return pane;
    }

    /** "Replay": the slider steps through every epoch, about 25 a second, or over 4 seconds for a long run. */
    private void replayAll(BoundaryViewModel b) {
        if (replaying != null) {
            replaying.stop();
        }
        int last = b.epochsDoneProperty().get();
        int step = Math.max(1, last / 100);
        b.epochProperty().set(1);
        replaying = new Timeline(new KeyFrame(Duration.millis(40), e -> {
            int next = Math.min(last, b.epochProperty().get() + step);
            b.epochProperty().set(next);
            if (next >= last) {
                replaying.stop();
            }
        }));
        replaying.setCycleCount(Animation.INDEFINITE);
        replaying.play();
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setPadding(new Insets(10, 12, 0, 12));
        return hint;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setPannable(true);
        return pane;
    }

    private void exportPng() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        Node content = tab == confusionTab ? confusionArea : tab == mistakesTab ? grid : boundaryImage;
        String what = tab == confusionTab ? "confusion" : tab == mistakesTab ? "misclassified" : "boundary";
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = files.choose(root.getScene().getWindow(), "Export " + tab.getText() + " as PNG", "png",
                exportFolder.resolve(what + "-" + stamp + ".png"));
        if (file != null) {
            vm.exportPng(PngExport.snapshot(content, 2), file);
        }
    }
}
