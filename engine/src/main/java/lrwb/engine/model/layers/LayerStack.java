package lrwb.engine.model.layers;

import lrwb.engine.model.NetworkShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network as a list of layers (specs/models.md, "Layer spec (JSON)"): the input comes from the data, a flatten is
 * implied where a vector layer follows an image map, and the softmax output comes from the data (see
 * {@link StackPlan} for the exact rule). One immutable value for the JSON file, the summary and the DL4J build
 * ({@link LayerStackConfiguration}).
 *
 * @param layers     at most {@value #MAX_LAYERS}; may be empty (softmax regression on the features)
 * @param weightInit {@code he} or {@code xavier} for every dense and conv layer; null: per layer, {@code he} where
 *                   its activation is relu-like, {@code xavier} otherwise. The appended output layer always uses
 *                   xavier.
 * @param l2         Keras' {@code kernel_regularizer=l2(c)} factor c on every dense and conv kernel (the appended
 *                   output's included; never biases or batch norm), where a layer sets none of its own; {@code >= 0}
 */
public record LayerStack(List<LayerSpec> layers, String weightInit, double l2) {
    /** A typo must not build a network of thousands of layers. */
    public static final int MAX_LAYERS = 200;
    public static final String HE = "he";
    public static final String XAVIER = "xavier";

    public LayerStack {
        Objects.requireNonNull(layers, "layers");
        if (layers.size() > MAX_LAYERS) {
            throw new LayerSpecException("layers", "must hold at most " + MAX_LAYERS + " layers (got " + layers.size() + ")");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new LayerSpecException("layers[" + i + "]", "is required");
            }
        }
        layers = List.copyOf(layers);
        if (weightInit != null && !weightInit.equals(HE) && !weightInit.equals(XAVIER)) {
            throw new LayerSpecException("weightInit", "must be one of he, xavier (got " + JsonText.quoted(weightInit) + ")");
        }
        Check.nonNegative("l2", l2);
    }

    /**
     * Reads the JSON of specs/models.md strictly.
     *
     * @throws LayerSpecException naming the layer's index, the field and the rule, e.g.
     *                            {@code layers[3].rate must be in [0, 1) (got 1.5)}
     */
    public static LayerStack parse(String json) {
        return LayerStackJson.parse(json);
    }

    /** The canonical compact JSON, every field written out: {@code parse(toJson()).equals(this)}. */
    public String toJson() {
        return LayerStackJson.write(this);
    }

    /** {@code mnist-mlp}, {@code lenet5} or {@code cifar-cnn} (see {@link LayerPresets}). */
    public static Optional<LayerStack> preset(String name) {
        return LayerPresets.byName(name);
    }

    public static List<String> presetNames() {
        return LayerPresets.NAMES;
    }

    /** What {@code mlp:H1,H2,...} means: dense ReLU layers of those widths; trains exactly as {@code Networks} builds it. */
    public static LayerStack mlp(List<Integer> hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        hidden.forEach(width -> layers.add(new LayerSpec.Dense(width, LayerActivation.RELU)));
        return new LayerStack(layers, null, 0);
    }

    /** What {@code cnn} means; trains exactly as {@code Networks} builds it (see {@link LayerPresets#cnn}). */
    public static LayerStack cnn() {
        return LayerPresets.cnn();
    }

    /**
     * Why this stack cannot read data of that shape, if it cannot: a convolution or pooling layer on tabular data
     * ({@code layers[0] conv2d needs image data; the data has 4 tabular features}), a layer that shrinks the map
     * below 1×1 (named, with the sizes), a final softmax over another number of values than classes, a network
     * too large to build.
     */
    public Optional<String> mismatch(NetworkShape shape) {
        return StackPlan.of(this, shape).problem();
    }

    /**
     * The rows Keras' {@code model.summary()} shows for this stack on that data, the implied flattens and the
     * appended output layer included; their parameters add up to the built network's {@code numParams()}.
     *
     * @throws IllegalArgumentException with {@link #mismatch}'s message if the stack cannot read the data
     */
    public List<LayerRow> summary(NetworkShape shape) {
        return readable(shape).rows();
    }

    /** The sum of {@link #summary}'s parameters: the built network's {@code numParams()}. */
    public long totalParams(NetworkShape shape) {
        return readable(shape).totalParams();
    }

    StackPlan readable(NetworkShape shape) {
        StackPlan plan = StackPlan.of(this, shape);
        plan.problem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return plan;
    }

    /** The kernel l2 factor c of a layer that may set its own. */
    double l2Of(Double own) {
        return own != null ? own : l2;
    }

    /** {@code he} or {@code xavier} for a layer with that activation. */
    String weightInitFor(LayerActivation activation) {
        return weightInit != null ? weightInit : activation.reluLike() ? HE : XAVIER;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
