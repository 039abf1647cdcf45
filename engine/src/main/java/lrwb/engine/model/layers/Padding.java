package lrwb.engine.model.layers;

import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * How a convolution or a pooling window treats the border, as Keras names it. {@code same} pads so the map
 * shrinks only by the stride (out = ceil(in / stride)); {@code valid} never pads (out = floor((in - k) / stride) + 1).
 */
public enum Padding {
    SAME("same", ConvolutionMode.Same),
    VALID("valid", ConvolutionMode.Truncate);

    private final String json;
    private final ConvolutionMode dl4j;

    Padding(String json, ConvolutionMode dl4j) {
        this.json = json;
        this.dl4j = dl4j;
    }

    public String json() {
        return json;
    }

    /** DL4J's mode with the same output size: Truncate is DL4J's name for Keras' valid. */
    ConvolutionMode dl4j() {
        return dl4j;
    }

    /** The output length along one axis; 0 or less when a valid window does not fit. */
    long outputSize(long input, int window, int stride) {
        return this == SAME ? (input + stride - 1) / stride : input < window ? 0 : (input - window) / stride + 1;
    }

    static Padding fromJson(String field, String name) {
        for (Padding p : values()) {
            if (p.json.equals(name)) {
                return p;
            }
        }
        throw new LayerSpecException(field, "must be one of same, valid (got " + JsonText.quoted(name) + ")");
    }
}
