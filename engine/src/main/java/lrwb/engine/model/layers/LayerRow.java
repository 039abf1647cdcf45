package lrwb.engine.model.layers;

/**
 * One row of a network's summary, as Keras' {@code model.summary()} shows it.
 *
 * @param name        Keras' name for it: {@code conv2d}, {@code conv2d_1}, ..., {@code flatten}, {@code dense_2}
 * @param type        Keras' class: {@code Conv2D}, {@code MaxPooling2D}, {@code Flatten}, {@code Dense}, ...
 * @param outputShape per example: {@code 16×16×32} (height × width × channels) for a map, {@code 128} for a vector
 * @param params      its parameters as DL4J counts them (batch norm's running mean and variance included, as in
 *                    Keras' total)
 */
public record LayerRow(String name, String type, String outputShape, long params) {
}
