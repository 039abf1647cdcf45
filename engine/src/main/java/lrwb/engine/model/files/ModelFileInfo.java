package lrwb.engine.model.files;

import java.util.List;

/**
 * What a network file holds, for the model picker: read without any data.
 *
 * @param kind        {@code Sequential (MultiLayerNetwork)} or {@code Functional (ComputationGraph)}
 * @param inputShape  e.g. {@code 784 features} or {@code 28×28×1 images} (height × width × channels);
 *                    {@code unknown} where the file does not say
 * @param outputWidth the number of outputs of its (last) output layer
 */
public record ModelFileInfo(String kind, String inputShape, long outputWidth, long totalParams, List<LayerRow> layers) {
    public ModelFileInfo {
        layers = List.copyOf(layers);
    }

    /**
     * @param type        DL4J's layer type, e.g. {@code DenseLayer}, {@code ConvolutionLayer}
     * @param outputShape as {@link ModelFileInfo#inputShape}, without the unit: {@code 128}, {@code 14×14×32}
     */
    public record LayerRow(String name, String type, String outputShape, long params) {
    }
}
