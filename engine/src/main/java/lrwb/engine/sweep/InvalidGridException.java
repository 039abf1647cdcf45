package lrwb.engine.sweep;

/**
 * A grid that breaks a rule of specs/sweeps.md, found before anything runs. The message is one line naming the cell
 * (when one is at fault), the field and the rule, e.g.
 * {@code cell 4 (lr=10, optimizer=adam): schedule cosine.lr must be a finite number > 0 (got Infinity)}.
 */
public final class InvalidGridException extends IllegalArgumentException {
    private final String field;
    private final int cell;

    public InvalidGridException(String field, String rule) {
        this(-1, null, field, rule);
    }

    /**
     * @param cell  the cell's index, or -1 when the grid as a whole is at fault
     * @param label the cell's axis values, e.g. {@code lr=10, optimizer=adam}; null for none
     */
    public InvalidGridException(int cell, String label, String field, String rule) {
        super((cell < 0 ? "" : "cell " + cell + (label == null || label.isEmpty() ? "" : " (" + label + ")") + ": ")
                + (field.isEmpty() ? rule : rule.startsWith(":") ? field + rule : field + " " + rule));
        this.field = field;
        this.cell = cell;
    }

    private InvalidGridException(String message, String field, int cell) {
        super(message);
        this.field = field;
        this.cell = cell;
    }

    /** This error, saying how many cells in all are invalid. */
    InvalidGridException ofMany(int invalid, long cells) {
        return new InvalidGridException(getMessage() + " (" + invalid + " of " + cells + " cells are invalid)", field, cell);
    }

    /** The field at fault as the grid names it: {@code axes.lr.points}, {@code base.model}, {@code schedule cosine.lr}. */
    public String field() {
        return field;
    }

    /** The index of the cell at fault, or -1. */
    public int cell() {
        return cell;
    }
}
