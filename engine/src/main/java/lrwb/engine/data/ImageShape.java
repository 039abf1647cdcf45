package lrwb.engine.data;

/**
 * The shape of one image example. Features hold each image flattened row-major in (channel, row, column)
 * order, so a convolutional model reshapes them to {@code [n, channels, height, width]}.
 */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    public int pixels() {
        return channels * height * width;
    }
}
