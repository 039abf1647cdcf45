package lrwb.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which network to train, as the user writes it after {@code --model}: {@code mlp:H1,H2,...} (ReLU hidden
 * layers of those widths, softmax output) or {@code cnn} (a small conv net for images). The layer details
 * live in {@link Networks}; this is only the choice, so it can be saved in a run record and typed back.
 */
public record ModelSpec(Kind kind, List<Integer> hiddenLayers) {
    public enum Kind { MLP, CNN }

    /** What plain {@code mlp} means: small enough to train in seconds, wide enough for the toy datasets. */
    public static final List<Integer> DEFAULT_MLP_LAYERS = List.of(64, 32);
    /** Guards against a typo such as {@code mlp:6400000} exhausting memory before anything is reported. */
    public static final int MAX_LAYER_SIZE = 65_536;

    private static final String SYNTAX = "use mlp:H1,H2,... or cnn";

    public ModelSpec {
        if (kind == null) {
            throw new IllegalArgumentException("model kind is required");
        }
        hiddenLayers = List.copyOf(hiddenLayers == null ? List.of() : hiddenLayers);
        if (kind == Kind.CNN && !hiddenLayers.isEmpty()) {
            throw new IllegalArgumentException("cnn has a fixed layout and takes no hidden layer sizes");
        }
        if (kind == Kind.MLP && hiddenLayers.isEmpty()) {
            throw new IllegalArgumentException("mlp needs at least one hidden layer size");
        }
        for (int size : hiddenLayers) {
            if (size <= 0 || size > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException(
                        "hidden layer sizes must be in 1.." + MAX_LAYER_SIZE + " (got " + size + ")");
            }
        }
    }

    public static ModelSpec mlp(Integer... hiddenLayers) {
        return new ModelSpec(Kind.MLP, List.of(hiddenLayers));
    }

    public static ModelSpec cnn() {
        return new ModelSpec(Kind.CNN, List.of());
    }

    /**
     * Reads {@code mlp:64,32}, {@code mlp} (= {@link #DEFAULT_MLP_LAYERS}) or {@code cnn}, ignoring case and
     * surrounding blanks.
     *
     * @throws IllegalArgumentException with a message naming {@code --model} and the rule that was broken
     */
    public static ModelSpec parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String name = colon < 0 ? lower : lower.substring(0, colon);
        switch (name) {
            case "mlp":
                return colon < 0 ? new ModelSpec(Kind.MLP, DEFAULT_MLP_LAYERS)
                        : new ModelSpec(Kind.MLP, parseLayerSizes(trimmed, lower.substring(colon + 1)));
            case "cnn":
                if (colon >= 0) {
                    throw new IllegalArgumentException("--model " + trimmed + ": cnn takes no options (" + SYNTAX + ")");
                }
                return cnn();
            default:
                throw new IllegalArgumentException("--model: unknown model '" + trimmed + "' (" + SYNTAX + ")");
        }
    }

    private static List<Integer> parseLayerSizes(String option, String sizes) {
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
                throw new IllegalArgumentException(
                        "--model " + option + ": hidden layer sizes must be at most " + MAX_LAYER_SIZE);
            }
            parsed[i] = Integer.parseInt(digits);
        }
        return List.of(parsed);
    }

    /** The canonical text, e.g. {@code mlp:64,32} or {@code cnn}; {@link #parse} reads it back to an equal spec. */
    public String describe() {
        return switch (kind) {
            case MLP -> "mlp:" + hiddenLayers.stream().map(String::valueOf).collect(Collectors.joining(","));
            case CNN -> "cnn";
        };
    }

    /**
     * Why this model cannot learn from data of that shape, if it cannot: the cnn needs images.
     *
     * @param datasetName how the user named the data, for the message ({@code iris}, {@code csv:x.csv})
     */
    public Optional<String> mismatch(NetworkShape shape, String datasetName) {
        if (kind == Kind.CNN && !shape.isImage()) {
            return Optional.of("--model cnn needs image data (an idx: dataset); " + datasetName + " has "
                    + shape.numFeatures() + " tabular features — use mlp:H1,H2,...");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return describe();
    }
}
