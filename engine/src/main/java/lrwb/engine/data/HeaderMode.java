package lrwb.engine.data;

/** Whether a CSV file's first row names the columns. */
public enum HeaderMode {
    /** A header if some column holds text on the first row and a number on the second. */
    AUTO,
    YES,
    NO
}
