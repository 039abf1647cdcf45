package lrwb.engine.model;

import lrwb.engine.model.layers.LayerStack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A network the workbench builds from a list of layers: {@code mlp:H1,H2,...}, {@code cnn}, a preset, or a layer spec.
 *
 * @param name   the text that names it ({@code mlp:64,32}, {@code cnn}, {@code cifar-cnn}); null for a layer spec,
 *               which {@link #describe} writes as its JSON
 * @param layers the layers
 */
public record LayersModel(String name, LayerStack layers) implements ModelSpec {
    public LayersModel {
        Objects.requireNonNull(layers, "layers");
    }

    static LayersModel of(String name, LayerStack layers) {
        return new LayersModel(name, layers);
    }

    static LayersModel mlp(List<Integer> hidden) {
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("mlp needs at least one hidden layer size");
        }
        for (int size : hidden) {
            if (size <= 0 || size > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException("hidden layer sizes must be in 1.." + MAX_LAYER_SIZE + " (got " + size + ")");
            }
        }
        return new LayersModel("mlp:" + hidden.stream().map(String::valueOf).collect(Collectors.joining(",")),
                LayerStack.mlp(hidden));
    }

    static LayersModel cnn() {
        return new LayersModel("cnn", LayerStack.cnn());
    }

    static List<Integer> parseLayerSizes(String option, String sizes) {
        String[] parts = sizes.split(",", -1);
        Integer[] parsed = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            // Digits only: "+8", "0x10" or "8.0" are typos, not layer sizes.
            if (!part.matches("[0-9]+") || part.matches("0+")) {
                throw new IllegalArgumentException("--model " + option + ": hidden layer sizes must be integers > 0");
            }
            String digits = part.replaceFirst("^0+", "");
            if (digits.length() > 9 || Integer.parseInt(digits) > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException("--model " + option + ": hidden layer sizes must be at most " + MAX_LAYER_SIZE);
            }
            parsed[i] = Integer.parseInt(digits);
        }
        return List.of(parsed);
    }

    @Override
    public String describe() {
        return name != null ? name : layers.toJson();
    }

    @Override
    public Optional<String> mismatch(NetworkShape shape, String datasetName) {
        return layers.mismatch(shape).map(why -> "--model " + (name != null ? name : "layer spec") + ": " + why
                + (datasetName == null ? "" : " (" + datasetName + ")"));
    }

    @Override
    public String shortName() {
        return name != null ? name : "layers(" + layers.layers().size() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
