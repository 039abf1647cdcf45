package lrwb.app.model;

import lrwb.engine.model.layers.LayerStack;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The model text of specs/models.md as a person reads it in a table or a note: {@code mlp:64,32} and preset names as
 * they are, {@code layers (6)} for an inline layer spec, {@code keras: m.h5}, {@code dl4j: m.zip} and
 * {@code run: <folder>} for files (their full paths belong in a tooltip). Also the text the picker writes for a
 * chosen file or run. Works on the text alone, so it reads every form whichever engine version recorded it.
 */
public final class ModelText {
    public static final String KERAS = "keras:";
    public static final String DL4J = "dl4j:";
    public static final String RUN = "run:";

    private ModelText() {
    }

    /** A short form for a table cell; the text itself when it is short already. */
    public static String readable(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("{")) {
            try {
                return "layers (" + LayerStack.parse(t).layers().size() + ")";
            } catch (IllegalArgumentException e) {
                return "layers";
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {KERAS, DL4J, RUN}) {
            if (lower.startsWith(prefix)) {
                return prefix.substring(0, prefix.length() - 1) + ": " + lastName(t.substring(prefix.length()));
            }
        }
        if (lower.endsWith(".json")) {
            return "layers: " + lastName(t);
        }
        return t;
    }

    /** Whether the readable form leaves something out that a tooltip should show in full. */
    public static boolean isAbbreviated(String text) {
        return !readable(text).equals(text == null ? "" : text.strip());
    }

    /** A network read from a file or a saved run, whose own optimizer and schedule the run's replace. */
    public static boolean isFileOrRun(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(KERAS) || lower.startsWith(DL4J) || lower.startsWith(RUN);
    }

    /** {@code keras:PATH} for an HDF5 file ({@code .h5}, {@code .hdf5}), {@code dl4j:PATH} for anything else (a zip). */
    public static String forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean keras = name.endsWith(".h5") || name.endsWith(".hdf5");
        return (keras ? KERAS : DL4J) + file.toAbsolutePath();
    }

    /** {@code run:DIR}: the network a training run saved in DIR. */
    public static String forRun(Path dir) {
        return RUN + dir.toAbsolutePath();
    }

    private static String lastName(String path) {
        String p = path.strip();
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
