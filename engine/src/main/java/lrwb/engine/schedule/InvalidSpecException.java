package lrwb.engine.schedule;

/**
 * A schedule spec that breaks a rule of specs/schedules.md. The message names the field and the rule
 * (e.g. {@code cyclic.maxLr must be > baseLr (got 0.001 <= 0.01)}) so it can be shown next to the field
 * in the Designer and printed as-is by the CLI.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidSpecException(String field, String rule) {
        super(field.isEmpty() ? rule : field + " " + rule);
        this.field = field;
    }

    /** The offending field as {@code type.param} (or {@code sequential.schedules[1].cosine.lr}); empty when the whole spec is wrong. */
    public String field() {
        return field;
    }

    /** The rule alone, without the field: "must be > 0 (got -1)". */
    public String rule() {
        return ruleText();
    }

    /** The same error seen from an enclosing spec, e.g. a sequential's child at index {@code i}. */
    InvalidSpecException within(String prefix) {
        return new InvalidSpecException(field.isEmpty() ? prefix : prefix + "." + field, ruleText());
    }

    private String ruleText() {
        return field.isEmpty() ? getMessage() : getMessage().substring(field.length() + 1);
    }
}
