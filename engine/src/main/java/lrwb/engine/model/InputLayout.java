package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a batch of our data's rows must be shaped before a network reads it. Rows arrive flat, one per example; an
 * image row is channels x height x width in that order (see {@link NetworkShape}). Networks the workbench builds
 * read them as they are (DL4J inserts the reshape); an imported convolutional network may want the 4-D array
 * itself, channels first or (Keras' default) channels last.
 */
public enum InputLayout {
    /** The rows as they are. */
    FLAT,
    /** [batch, channels, height, width]. */
    NCHW,
    /** [batch, height, width, channels]. */
    NHWC;

    /** The rows in this layout; FLAT returns {@code flatRows} itself. */
    public INDArray adapt(INDArray flatRows, NetworkShape shape) {
        if (this == FLAT) {
            return flatRows;
        }
        INDArray nchw = flatRows.reshape('c', flatRows.size(0), shape.channels(), shape.height(), shape.width());
        return this == NCHW ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
    }
}
