package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
public final class InvalidGridException extends IllegalArgumentException {
    private final String field;
    private final int cell;
    public InvalidGridException(String field, String rule) { this(-1, null, field, rule); }
    public InvalidGridException(int cell, String label, String field, String rule) {
        super((cell < 0 ? "" : "cell " + cell + (label == null || label.isEmpty() ? "" : " (" + label + ")") + ": ")
                + (field.isEmpty() ? rule : field + " " + rule));
        this.field = field;
        this.cell = cell;
    }
    public String field() { return field; }
    public int cell() { return cell; }
}
