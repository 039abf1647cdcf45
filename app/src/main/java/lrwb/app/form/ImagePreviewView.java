package lrwb.app.form;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lrwb.engine.data.ImageSamples;

import java.util.List;

/**
 * The "Preview images…" button under a dataset field and the window it opens: per class a row of images (drawn
 * pixel for pixel, enlarged without smoothing) and under each the augmented draws. One window per form, reused.
 */
public final class ImagePreviewView {
    /** Shown size of one image, whatever its pixel size. */
    static final double IMAGE_SIZE = 64;
    static final double DRAW_SIZE = 34;

    private final ImagePreview preview;
    private final String idPrefix;
    private final Button button = new Button("Preview images…");
    private Stage window;

    public ImagePreviewView(ImagePreview preview, String idPrefix) {
        this.preview = preview;
        this.idPrefix = idPrefix;
        button.setId(idPrefix + "-preview-images");
        button.setTooltip(new Tooltip("A few training images of every class, and what the augmentation makes of them"));
        button.setOnAction(e -> open());
    }

    public Button button() {
        return button;
    }

    private void open() {
        if (window == null) {
            window = new Stage();
            window.initOwner(button.getScene().getWindow());
            window.setTitle("Images");
            window.setScene(new Scene(content(), 860, 600));
        }
        preview.load();
        window.show();
        window.toFront();
    }

    /** The window's content: the note, then the classes; public for tests. */
    public Parent content() {
        Label note = new Label();
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, never cut
        note.setId(idPrefix + "-preview-note");
        note.textProperty().bind(preview.noteProperty());
        VBox classes = new VBox(10);
        classes.setId(idPrefix + "-preview-classes");
        preview.samplesProperty().addListener((o, was, now) -> classes.getChildren().setAll(rows(now)));
        ScrollPane scroll = new ScrollPane(classes);
        scroll.setFitToWidth(true);
        VBox box = new VBox(10, note, scroll);
        box.setPadding(new Insets(12));
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static List<Node> rows(ImageSamples samples) {
        if (samples == null) {
            return List.of();
        }
        return samples.classes().stream().map(ImagePreviewView::row).toList();
    }

    private static Node row(ImageSamples.ClassSamples c) {
        FlowPane tiles = new FlowPane(12, 8);
        for (int i = 0; i < c.images().size(); i++) {
            VBox tile = new VBox(3, view(c.images().get(i), IMAGE_SIZE));
            List<ImageSamples.Picture> draws = c.augmented().get(i);
            if (!draws.isEmpty()) {
                HBox row = new HBox(2);
                draws.forEach(d -> row.getChildren().add(view(d, DRAW_SIZE)));
                tile.getChildren().add(row);
            }
            tiles.getChildren().add(tile);
        }
        Label name = new Label(c.className());
        name.getStyleClass().add("section-title");
        return new VBox(4, name, tiles);
    }

    private static ImageView view(ImageSamples.Picture picture, double size) {
        WritableImage image = new WritableImage(picture.width(), picture.height());
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), PixelFormat.getIntArgbInstance(),
                picture.argb(), 0, picture.width());
        ImageView view = new ImageView(image);
        view.setSmooth(false); // a 28×28 digit enlarged should show its pixels, not a blur
        view.setPreserveRatio(true);
        view.setFitWidth(size);
        view.setFitHeight(size);
        return view;
    }
}
