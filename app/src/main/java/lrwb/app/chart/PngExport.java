package lrwb.app.chart;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a node shows to a PNG file. FX thread (snapshots need it). */
public final class PngExport {
    private PngExport() {
    }

    /**
     * @param scale pixel density, e.g. 2 for an image that stays sharp on slides and high-DPI screens
     */
    public static void write(Node node, Path file, double scale) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /**
     * An image of charts as a reader should see them: pending curve changes drawn, hover read-outs hidden, at
     * twice the screen's pixel density.
     *
     * @param node the node holding the charts (with their legends)
     */
    public static void writeCharts(Node node, java.util.List<CurveChart> charts, Path file) throws IOException {
        for (CurveChart c : charts) {
            c.flush();
            c.crosshair().hide();
        }
        write(node, file, 2);
    }
}
