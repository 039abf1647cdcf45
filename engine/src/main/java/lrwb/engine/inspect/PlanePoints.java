package lrwb.engine.inspect;

import lrwb.engine.data.LoadedData;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The points of 2-D data a decision boundary is drawn under, with their classes, and the part of the plane around
 * them: everything a boundary picture needs besides the network's probabilities.
 *
 * @param points {@code [x, y]} rows, training then validation, in the network's input units
 * @param labels each point's class
 */
public record PlanePoints(PlaneExtent extent, float[][] points, int[] labels) {
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

    /** The boundary as a picture {@code pixels} a side with every point on top ({@link InspectPictures#boundary}). */
    public BufferedImage picture(DecisionBoundary boundary, int pixels) {
        return InspectPictures.boundary(boundary, points, labels, pixels);
    }
}
