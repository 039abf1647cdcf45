package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a batch of our data's flat rows (one row per example; for images channels × height × width, see
 * {@link NetworkShape}) must be reshaped before a network reads it. Networks the workbench builds read flat rows;
 * an imported network may read images as a 4-D array, e.g. a Keras conv net saved with {@code channels_last}.
 */
public enum InputLayout {
    /** The flat rows as they are: dense networks, and conv nets that reshape flat rows themselves. */
    FLAT,
    /** {@code [batch, channels, height, width]}. */
    NCHW,
    /** {@code [batch, height, width, channels]}, as Keras and TensorFlow keep images by default. */
    NHWC;

    /**
     * @param flatRows {@code [batch, numFeatures]}
     * @return the rows themselves for {@link #FLAT}; otherwise a 4-D array (a contiguous copy for {@link #NHWC},
     *         so the network reads it as fast as any other array)
     * @throws IllegalArgumentException if this layout needs images and {@code shape} has none
     */
    public INDArray adapt(INDArray flatRows, NetworkShape shape) {
        if (this == FLAT) {
            return flatRows;
        }
        if (!shape.isImage()) {
            throw new IllegalArgumentException("a network reading " + name() + " images needs image data, not " + shape);
        }
        INDArray nchw = flatRows.reshape('c', flatRows.size(0), shape.channels(), shape.height(), shape.width());
        return this == NCHW ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
    }
}
