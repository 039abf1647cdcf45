package lrwb.app.model;

import lrwb.engine.model.layers.LayerActivation;

import java.util.List;

/**
 * One editable field of a layer, named as the layer spec's JSON names it ({@code units}, {@code rate}, ...), so a
 * message of the engine about {@code layers[2].rate} lands on it.
 *
 * @param optional blank means "not set" (a layer's own {@code l2}: blank uses the stack's)
 */
public record LayerField(String name, Kind kind, boolean optional) {
    /** What the text holds, and so which control edits it. */
    public enum Kind { INTEGER, NUMBER, ACTIVATION, PADDING }

    static final List<String> PADDINGS = List.of("same", "valid");

    static LayerField integer(String name) {
        return new LayerField(name, Kind.INTEGER, false);
    }

    static LayerField number(String name) {
        return new LayerField(name, Kind.NUMBER, false);
    }

    static LayerField optionalNumber(String name) {
        return new LayerField(name, Kind.NUMBER, true);
    }

    static LayerField activation() {
        return new LayerField("activation", Kind.ACTIVATION, false);
    }

    static LayerField padding() {
        return new LayerField("padding", Kind.PADDING, false);
    }

    /** The values to pick from, or an empty list for a typed number. */
    public List<String> choices() {
        return switch (kind) {
            case ACTIVATION -> LayerActivation.NAMES;
            case PADDING -> PADDINGS;
            default -> List.of();
        };
    }
}
