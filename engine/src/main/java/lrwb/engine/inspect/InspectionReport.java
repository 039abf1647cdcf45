package lrwb.engine.inspect;

import lrwb.engine.run.AtomicFile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files {@code lrwb inspect} writes for a run (cli.md):
 * <ul>
 *   <li>{@code confusion.csv}: counts, a header {@code true\predicted,CLASS,...} and a row per true class;</li>
 *   <li>{@code confusion_normalised.csv}: the same table with each row divided by its total (recall on the diagonal);</li>
 *   <li>{@code misclassified.csv}: {@code index,true,predicted,confidence}, most confident first (index: the
 *       validation row, 0-based; classes by name);</li>
 *   <li>image data: {@code misclassified.png}, the first {@code limit} of them captioned, and for a convolutional
 *       layer-list network {@code gradcam.png}, the same grid with Grad-CAM overlays;</li>
 *   <li>2-D data: {@code boundary.png}, the decision boundary with the points on top.</li>
 * </ul>
 * Everything is computed before the first file is written; each file is written whole (temp file, then move).
 */
public final class InspectionReport {
    public static final String CONFUSION = "confusion.csv";
    public static final String CONFUSION_NORMALISED = "confusion_normalised.csv";
    public static final String MISCLASSIFIED = "misclassified.csv";
    public static final String MISCLASSIFIED_PNG = "misclassified.png";
    public static final String GRADCAM_PNG = "gradcam.png";
    public static final String BOUNDARY_PNG = "boundary.png";
    public static final String MISCLASSIFIED_HEADER = "index,true,predicted,confidence";
    /** Images in the grids unless told otherwise. */
    public static final int DEFAULT_LIMIT = 36;
    /** Pixels a side of boundary.png. */
    public static final int BOUNDARY_PIXELS = 600;
    private static final int GRID_COLUMNS = 6;

    private InspectionReport() {
    }

    /** What a report holds before it is written; {@link #gradCam} null when there is none and why in {@link #notes}. */
    public record Contents(ConfusionMatrix confusion, List<Misclassified> misclassified, BufferedImage grid,
                           BufferedImage gradCam, BufferedImage boundary, List<String> notes) {
    }

    /**
     * Computes the report.
     *
     * @param layer Grad-CAM's layer (index or name), null for the last convolutional one
     * @param limit images in the grids, at least 1
     * @throws InspectException for a layer given that Grad-CAM cannot use (not convolutional, no such layer, a
     *                          network that is no layer list, data that is no images)
     */
    public static Contents compute(RunInspection run, String layer, int limit) {
        List<String> notes = new ArrayList<>();
        GradCam cam = null;
        if (layer != null || (run.isImage() && !run.convLayers().isEmpty())) {
            cam = run.gradCam(layer); // a layer the user named must work; by default only convolutional nets get one
        } else if (run.isImage()) {
            notes.add(run.layerList().isPresent() ? "no Grad-CAM: the network has no convolutional layer"
                    : "no Grad-CAM: Grad-CAM needs a layer list network (this one is a graph)");
        }
        ConfusionMatrix confusion = run.confusion();
        List<Misclassified> wrong = run.misclassified();
        BufferedImage grid = null;
        BufferedImage overlays = null;
        if (run.isImage()) {
            List<Misclassified> shown = wrong.subList(0, Math.min(limit, wrong.size()));
            List<String> names = run.data().classNames();
            List<InspectPictures.Tile> plain = new ArrayList<>();
            List<InspectPictures.Tile> heat = new ArrayList<>();
            List<HeatMap> maps = cam == null ? List.of() : run.heatMaps(cam, shown);
            for (int i = 0; i < shown.size(); i++) {
                Misclassified m = shown.get(i);
                BufferedImage image = run.validationImage(m.index());
                String caption = names.get(m.trueClass()) + " → " + names.get(m.predictedClass());
                String detail = String.format(Locale.ROOT, "#%d  %.0f%%", m.index(), 100 * m.confidence());
                plain.add(new InspectPictures.Tile(image, caption, detail));
                if (cam != null) {
                    heat.add(new InspectPictures.Tile(InspectPictures.overlay(image, maps.get(i)), caption, detail));
                }
            }
            int tile = tileSize(run.data().imageShape().width());
            grid = InspectPictures.grid(plain, GRID_COLUMNS, tile);
            overlays = cam == null ? null : InspectPictures.grid(heat, GRID_COLUMNS, tile);
            if (cam != null) {
                notes.add("Grad-CAM at layer " + cam.layer().label() + ", of " + cam.score().description());
            }
        }
        BufferedImage boundary = run.isPlane()
                ? run.boundaryPicture(run.boundary(DecisionBoundary.DEFAULT_SIZE), BOUNDARY_PIXELS) : null;
        return new Contents(confusion, wrong, grid, overlays, boundary, notes);
    }

    /** Small images are scaled up by a whole factor to about 96 pixels, so each pixel stays a sharp square. */
    static int tileSize(int imageWidth) {
        return imageWidth >= 96 ? 96 : imageWidth * Math.max(1, 96 / imageWidth);
    }

    /** Writes the report's files into {@code out} (created if missing); returns them in the order written. */
    public static List<Path> write(Contents report, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        write(out.resolve(CONFUSION), confusionCsv(report.confusion(), false), written);
        write(out.resolve(CONFUSION_NORMALISED), confusionCsv(report.confusion(), true), written);
        write(out.resolve(MISCLASSIFIED), misclassifiedCsv(report.misclassified(), report.confusion().classNames()), written);
        png(out.resolve(MISCLASSIFIED_PNG), report.grid(), written);
        png(out.resolve(GRADCAM_PNG), report.gradCam(), written);
        png(out.resolve(BOUNDARY_PNG), report.boundary(), written);
        return written;
    }

    private static void write(Path file, String text, List<Path> written) throws IOException {
        AtomicFile.write(file, text);
        written.add(file);
    }

    private static void png(Path file, BufferedImage image, List<Path> written) throws IOException {
        if (image != null) {
            AtomicFile.write(file, stream -> ImageIO.write(image, "png", stream));
            written.add(file);
        }
    }

    /** {@code true\predicted,A,B} then one row per true class: counts, or shares with 4 decimals. */
    public static String confusionCsv(ConfusionMatrix m, boolean normalised) {
        StringBuilder csv = new StringBuilder("true\\predicted");
        for (String name : m.classNames()) {
            csv.append(',').append(field(name));
        }
        csv.append('\n');
        double[][] shares = m.rowNormalised();
        for (int t = 0; t < m.numClasses(); t++) {
            csv.append(field(m.classNames().get(t)));
            for (int p = 0; p < m.numClasses(); p++) {
                csv.append(',').append(normalised ? String.format(Locale.ROOT, "%.4f", shares[t][p])
                        : String.valueOf(m.count(t, p)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** {@code index,true,predicted,confidence}, classes by name, confidence with 4 decimals. */
    public static String misclassifiedCsv(List<Misclassified> wrong, List<String> classNames) {
        StringBuilder csv = new StringBuilder(MISCLASSIFIED_HEADER).append('\n');
        for (Misclassified m : wrong) {
            csv.append(m.index()).append(',').append(field(classNames.get(m.trueClass()))).append(',')
                    .append(field(classNames.get(m.predictedClass()))).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", m.confidence())).append('\n');
        }
        return csv.toString();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
