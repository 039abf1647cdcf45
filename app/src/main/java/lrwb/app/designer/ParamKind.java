package lrwb.app.designer;

/** Which control edits a schedule parameter, and how its text becomes JSON. */
public enum ParamKind {
    /** A number with a slider (linear or log) beside its text field. */
    NUMBER,
    /** A whole number (step counts, patience) with a slider beside its text field. */
    INTEGER,
    /** A check box. */
    BOOLEAN,
    /** A choice box of the spec's names (modes, units). */
    CHOICE,
    /** Comma-separated whole numbers (milestones, boundaries). */
    INTEGER_LIST,
    /** Comma-separated numbers (piecewise values). */
    NUMBER_LIST
}
