package lrwb.engine.model.layers;

import lrwb.engine.schedule.ClosestName;
import org.nd4j.linalg.activations.Activation;

import java.util.Arrays;
import java.util.List;

/**
 * The activations of specs/models.md with their JSON names and DL4J's functions. DL4J's own defaults apply where
 * frameworks differ: leakyRelu has slope 0.01 (PyTorch's; Keras' LeakyReLU layer uses 0.3) and gelu is DL4J's
 * {@link Activation#GELU}, the sigmoid approximation x·σ(1.702x) (Keras and PyTorch default to the exact erf form).
 */
public enum LayerActivation {
    RELU("relu", Activation.RELU, true),
    LEAKY_RELU("leakyRelu", Activation.LEAKYRELU, true),
    ELU("elu", Activation.ELU, true),
    GELU("gelu", Activation.GELU, true),
    SWISH("swish", Activation.SWISH, true),
    TANH("tanh", Activation.TANH, false),
    SIGMOID("sigmoid", Activation.SIGMOID, false),
    IDENTITY("identity", Activation.IDENTITY, false),
    SOFTMAX("softmax", Activation.SOFTMAX, false);

    /** All JSON names, in the order of specs/models.md. */
    public static final List<String> NAMES = Arrays.stream(values()).map(LayerActivation::json).toList();

    private final String json;
    private final Activation dl4j;
    private final boolean reluLike;

    LayerActivation(String json, Activation dl4j, boolean reluLike) {
        this.json = json;
        this.dl4j = dl4j;
        this.reluLike = reluLike;
    }

    public String json() {
        return json;
    }

    public Activation dl4j() {
        return dl4j;
    }

    /** Whether He initialisation suits it (the weightInit default): ReLU and its smooth or leaky relatives. */
    public boolean reluLike() {
        return reluLike;
    }

    /** @throws LayerSpecException naming {@code field}, the valid names and the closest one */
    static LayerActivation fromJson(String field, String name) {
        for (LayerActivation a : values()) {
            if (a.json.equals(name)) {
                return a;
            }
        }
        String hint = ClosestName.to(name, NAMES).map(close -> "; did you mean \"" + close + "\"?").orElse("");
        throw new LayerSpecException(field, "must be one of " + String.join(", ", NAMES)
                + " (got " + JsonText.quoted(name) + hint + ")");
    }
}
