package lrwb.engine.model;

import java.util.Arrays;

/**
 * What the data looks like to a network: how many numbers per example, how many classes, and, for images,
 * how those numbers are laid out. Features always arrive flattened (one row per example); for images the
 * row is channels x height x width in that order (NCHW), as the IDX reader produces them.
 *
 * @param imageChannelsHeightWidth {@code {channels, height, width}} for images, {@code null} for tabular data
 */
public record NetworkShape(int numFeatures, int numClasses, int[] imageChannelsHeightWidth) {

    public NetworkShape {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("numFeatures must be > 0 (got " + numFeatures + ")");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2 for a softmax classifier (got " + numClasses + ")");
        }
        if (imageChannelsHeightWidth != null) {
            // Copied: a record over a caller's array would change under our feet.
            imageChannelsHeightWidth = imageChannelsHeightWidth.clone();
            if (imageChannelsHeightWidth.length != 3 || Arrays.stream(imageChannelsHeightWidth).anyMatch(d -> d <= 0)) {
                throw new IllegalArgumentException("image shape must be {channels, height, width}, each > 0 (got "
                        + Arrays.toString(imageChannelsHeightWidth) + ")");
            }
            long pixels = (long) imageChannelsHeightWidth[0] * imageChannelsHeightWidth[1] * imageChannelsHeightWidth[2];
            if (pixels != numFeatures) {
                throw new IllegalArgumentException("image shape " + Arrays.toString(imageChannelsHeightWidth)
                        + " holds " + pixels + " values but numFeatures is " + numFeatures);
            }
        }
    }

    /** The shape of a loaded dataset: its image shape, or its number of tabular features; and its classes. */
    public static NetworkShape of(lrwb.engine.data.LoadedData data) {
        return data.isImage()
                ? image(data.imageShape().channels(), data.imageShape().height(), data.imageShape().width(), data.numClasses())
                : tabular(data.numFeatures(), data.numClasses());
    }

    public static NetworkShape tabular(int numFeatures, int numClasses) {
        return new NetworkShape(numFeatures, numClasses, null);
    }

    public static NetworkShape image(int channels, int height, int width, int numClasses) {
        return new NetworkShape(channels * height * width, numClasses, new int[] {channels, height, width});
    }

    public boolean isImage() {
        return imageChannelsHeightWidth != null;
    }

    /** A copy, so nobody can reshape this record from outside; {@code null} for tabular data. */
    @Override
    public int[] imageChannelsHeightWidth() {
        return imageChannelsHeightWidth == null ? null : imageChannelsHeightWidth.clone();
    }

    public int channels() {
        return requireImage()[0];
    }

    public int height() {
        return requireImage()[1];
    }

    public int width() {
        return requireImage()[2];
    }

    private int[] requireImage() {
        if (imageChannelsHeightWidth == null) {
            throw new IllegalStateException("tabular data has no image dimensions");
        }
        return imageChannelsHeightWidth;
    }

    // A record compares arrays by reference; two shapes describing the same images must be equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape other
                && numFeatures == other.numFeatures
                && numClasses == other.numClasses
                && Arrays.equals(imageChannelsHeightWidth, other.imageChannelsHeightWidth);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * numFeatures + numClasses) + Arrays.hashCode(imageChannelsHeightWidth);
    }

    @Override
    public String toString() {
        String layout = isImage()
                ? imageChannelsHeightWidth[0] + "x" + imageChannelsHeightWidth[1] + "x" + imageChannelsHeightWidth[2] + " images"
                : numFeatures + " tabular features";
        return layout + ", " + numClasses + " classes";
    }
}
