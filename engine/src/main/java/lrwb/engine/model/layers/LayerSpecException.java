package lrwb.engine.model.layers;

/**
 * A layer spec that breaks a rule of specs/models.md. The message names the field and the rule in one line,
 * e.g. {@code layers[3].rate must be in [0, 1) (got 1.5)}, so the CLI can print it and the app can show it next
 * to the field.
 */
public final class LayerSpecException extends IllegalArgumentException {
    private final String field;
    private final String rule;

    /**
     * @param field the field as the user sees it ({@code rate}, {@code layers[3].rate}); empty for the whole spec
     * @param rule  what is wrong, e.g. {@code must be in [0, 1) (got 1.5)}; a rule starting with {@code :} follows
     *              the field without a space ({@code layers[0].type: unknown layer type 'conv' ...})
     */
    public LayerSpecException(String field, String rule) {
        super(field.isEmpty() ? rule : rule.startsWith(":") ? field + rule : field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The offending field, e.g. {@code layers[3].rate}; empty when the whole spec is wrong. */
    public String field() {
        return field;
    }

    /** The same error seen from the stack: the field gains the layer's index ({@code rate} -> {@code layers[3].rate}). */
    LayerSpecException atLayer(int index) {
        String layer = "layers[" + index + "]";
        return new LayerSpecException(field.isEmpty() ? layer : layer + "." + field, rule);
    }
}
