package lrwb.engine.inspect;

import lrwb.engine.data.LoadedData;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The points of 2-D data a decision boundary is drawn under, with their classes, and the part of the plane around
 * them: everything a boundary picture needs besides the network's probabilities.
 *
 * The points are {@code [x, y]} rows, training then validation, in the network's input units, with each one's class.
 */
public final class PlanePoints {
    private final PlaneExtent extent;
    private final float[][] points;
    private final int[] labels;

    public PlanePoints(PlaneExtent extent, float[][] points, int[] labels) {
        this.extent = extent;
        this.points = points;
        this.labels = labels;
    }

    public PlaneExtent extent() {
        return extent;
    }

    /** The points themselves, read only. */
    public float[][] points() {
        return points;
    }

    /** Each point's class, read only. */
    public int[] labels() {
        return labels;
    }

    /**
     * The training and validation points of a dataset with 2 features.
     *
     * @throws InspectException for data with another number of features, or images
     */
    public static PlanePoints of(LoadedData data) {
        if (data.isImage() || data.numFeatures() != 2) {
            throw new InspectException("the decision boundary needs 2 input features; " + data.name() + " has "
                    + (data.isImage() ? "images" : data.numFeatures() + " features"));
        }
        float[][] train = data.train().getFeatures().toFloatMatrix();
        float[][] validation = data.validation().getFeatures().toFloatMatrix();
        float[][] points = Arrays.copyOf(train, train.length + validation.length);
        System.arraycopy(validation, 0, points, train.length, validation.length);
        int[] labels = IntStream.concat(Arrays.stream(ValidationPredictions.argmax(data.train().getLabels())),
                Arrays.stream(ValidationPredictions.argmax(data.validation().getLabels()))).toArray();
        return new PlanePoints(PlaneExtent.around(data.train(), data.validation()), points, labels);
    }

    /**
     * The boundary as a picture {@code pixels} a side with every point on top ({@link InspectPictures#boundary}); the
     * axes and points are drawn once per size and kept, so a live view's pictures cost the probabilities' colours
     * and one scaled copy. Any thread.
     */
    public BufferedImage picture(DecisionBoundary boundary, int pixels) {
        if (!boundary.extent().equals(extent)) {
            return InspectPictures.boundary(boundary, points, labels, pixels);
        }
        return InspectPictures.boundary(boundary, overlay(pixels));
    }

    /** The last size's axes and points, kept: a view draws at one size. */
    private static final class Overlays {
        int pixels;
        BufferedImage overlay;
    }

    private final Overlays overlays = new Overlays();

    private BufferedImage overlay(int pixels) {
        synchronized (overlays) {
            if (overlays.overlay == null || overlays.pixels != pixels) {
                overlays.overlay = InspectPictures.boundaryOverlay(extent, points, labels, pixels);
                overlays.pixels = pixels;
            }
            return overlays.overlay;
        }
    }
}
