package lrwb.app.model;

import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.layers.LayerStack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layers the editor starts from: the model field's text when it is a layer form ({@code mlp:...}, {@code cnn},
 * a preset name, inline JSON), else an empty stack and a line saying why. A {@code .json} file is read by the
 * caller, off the FX thread ({@link #jsonFile}).
 *
 * @param note what the editor says about where the layers came from
 */
record StartingStack(LayerStack stack, String note) {
    static final LayerStack EMPTY = new LayerStack(List.of(), null, 0);

    static StartingStack of(String modelText) {
        String text = modelText == null ? "" : modelText.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            if (text.isEmpty()) {
                return new StartingStack(EMPTY, "No model yet: add layers.");
            }
            if (text.startsWith("{")) {
                return new StartingStack(LayerStack.parse(text), "");
            }
            Optional<LayerStack> preset = LayerStack.preset(lower);
            if (preset.isPresent()) {
                return new StartingStack(preset.get(), "Starting from the preset " + lower + ".");
            }
            if (lower.equals("cnn")) {
                return new StartingStack(LayerStack.cnn(), "Starting from cnn.");
            }
            if (lower.startsWith("mlp")) {
                // The canonical text (mlp:64,32), whatever the spec record holds: the widths are what it says.
                String canonical = ModelSpec.parse(text).describe();
                List<Integer> widths = new ArrayList<>();
                for (String w : canonical.substring(canonical.indexOf(':') + 1).split(",")) {
                    widths.add(Integer.parseInt(w.strip()));
                }
                return new StartingStack(LayerStack.mlp(widths), "Starting from " + canonical + ".");
            }
        } catch (IllegalArgumentException e) {
            return new StartingStack(EMPTY, "The model field does not read (" + e.getMessage() + "): starting from no layers.");
        }
        if (ModelText.isFileOrRun(text)) {
            return new StartingStack(EMPTY, ModelText.readable(text) + " is a saved network, not layers: starting from no layers.");
        }
        return new StartingStack(EMPTY, "'" + text + "' is not a layer form: starting from no layers.");
    }

    /** A layer spec file named in the model field, which the caller reads off the FX thread. */
    static Optional<Path> jsonFile(String modelText) {
        String text = modelText == null ? "" : modelText.strip();
        if (text.startsWith("{") || !text.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) { // not a path this system can name: the editor starts empty
            return Optional.empty();
        }
    }
}
