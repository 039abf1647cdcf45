package lrwb.engine.model;

import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.layers.LayerStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which network to train, as the user writes it after {@code --model}, in the model picker and in {@code run.json}
 * (specs/models.md): layers the workbench builds ({@code mlp:H1,H2,...}, {@code cnn}, a preset name, a layer spec as
 * JSON or a {@code .json} file), a network file ({@code keras:PATH}, {@code dl4j:PATH}) or the network a training
 * run saved ({@code run:DIR}). {@link #describe} is the exact text to type back: a layer spec read from a file is
 * recorded as its JSON, so the run can be reproduced after the file changes; file paths are recorded absolute.
 */
public sealed interface ModelSpec permits LayersModel, FileModel, SavedRunModel {
    /** What plain {@code mlp} means: small enough to train in seconds, wide enough for the toy datasets. */
    List<Integer> DEFAULT_MLP_LAYERS = List.of(64, 32);
    /** Guards against a typo such as {@code mlp:6400000} exhausting memory before anything is reported. */
    int MAX_LAYER_SIZE = 65_536;

    String SYNTAX = "use mlp:H1,H2,..., cnn, mnist-mlp, lenet5, cifar-cnn, a layer spec {\"layers\":[...]} or FILE.json, "
            + "keras:FILE.h5, dl4j:FILE.zip or run:DIR";

    /** The canonical text; {@link #parse} reads it back to an equal spec. */
    String describe();

    /**
     * A short label for run names, folders and legends: the text itself for named layers ({@code mlp:64,32},
     * {@code cifar-cnn}), {@code layers(5)} for a layer spec, the file's or run folder's name for the others
     * ({@code keras:m.h5}, {@code run:20261206-…}). Not a spec: {@link #describe} is what a run records.
     */
    String shortName();

    /**
     * Why this model cannot learn from data of that shape, as far as can be told without reading a network file
     * (a file's own shapes are checked when it is loaded).
     *
     * @param datasetName how the user named the data, for the message ({@code iris}, {@code csv:x.csv}); null for none
     */
    Optional<String> mismatch(NetworkShape shape, String datasetName);

    static ModelSpec mlp(Integer... hiddenLayers) {
        return LayersModel.mlp(List.of(hiddenLayers));
    }

    static ModelSpec cnn() {
        return LayersModel.cnn();
    }

    /** The names the model picker offers before any file: the mlp and cnn forms and the layer presets. */
    static List<String> presetNames() {
        List<String> names = new ArrayList<>(List.of("mlp:64,32", "mlp:16", "mlp:128,64", "cnn"));
        names.addAll(LayerStack.presetNames());
        return List.copyOf(names);
    }

    /**
     * Reads any form of specs/models.md, ignoring surrounding blanks (and the case of the form's name).
     *
     * @throws IllegalArgumentException with a one-line message naming {@code --model} and the rule that was broken
     */
    static ModelSpec parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{")) {
            return LayersModel.of(null, layerStack(trimmed, "--model"));
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String name = colon < 0 ? lower : lower.substring(0, colon);
        String rest = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
        switch (name) {
            case "mlp":
                return LayersModel.mlp(colon < 0 ? DEFAULT_MLP_LAYERS : LayersModel.parseLayerSizes(trimmed, rest));
            case "cnn":
                if (colon >= 0) {
                    throw new IllegalArgumentException("--model " + trimmed + ": cnn takes no options (" + SYNTAX + ")");
                }
                return cnn();
            case "keras":
                return new FileModel(ModelFileFormat.KERAS, path(trimmed, rest));
            case "dl4j":
                return new FileModel(ModelFileFormat.DL4J, path(trimmed, rest));
            case "run":
                return new SavedRunModel(path(trimmed, rest));
            default:
                break;
        }
        if (colon < 0) {
            Optional<LayerStack> preset = LayerStack.preset(lower);
            if (preset.isPresent()) {
                return LayersModel.of(lower, preset.get());
            }
        }
        if (lower.endsWith(".json")) {
            Path file = Path.of(trimmed);
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("--model " + trimmed + ": cannot read the layer spec file ("
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
            }
            return LayersModel.of(null, layerStack(json, "--model " + trimmed));
        }
        throw new IllegalArgumentException("--model: unknown model '" + trimmed + "' (" + SYNTAX + ")");
    }

    private static LayerStack layerStack(String json, String where) {
        try {
            return LayerStack.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Path path(String option, String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("--model " + option + ": a path is required after the colon");
        }
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--model " + option + ": not a path (" + e.getMessage() + ")");
        }
    }
}
