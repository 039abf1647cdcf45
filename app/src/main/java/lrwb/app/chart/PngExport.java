package lrwb.app.chart;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What a node shows, as an image for a PNG file. FX thread (snapshots need it); the file is written elsewhere,
 * off the FX thread ({@code files.PngFile}).
 */
public final class PngExport {
    private PngExport() {
    }

    /**
     * @param scale pixel density, e.g. 2 for an image that stays sharp on slides and high-DPI screens
     */
    public static BufferedImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /**
     * Charts as a reader should see them: pending curve changes drawn, hover read-outs hidden, at twice the
     * screen's pixel density.
     *
     * @param node the node holding the charts (with their legends)
     */
    public static BufferedImage snapshotCharts(Node node, List<CurveChart> charts) {
        for (CurveChart c : charts) {
            c.flush();
            c.crosshair().hide();
        }
        return snapshot(node, 2);
    }
}
