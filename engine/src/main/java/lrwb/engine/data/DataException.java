package lrwb.engine.data;

/**
 * Data the workbench cannot use: a missing file, a ragged CSV row, an IDX header that disagrees with its
 * file, an option outside its range. The message is the whole user-facing sentence and names the file,
 * the line and the problem (e.g. {@code data.csv line 7: expected 5 columns like the header, got 4}), so
 * the CLI prints it as-is and the app shows it next to the dataset field. Unchecked because callers can
 * only report it, never recover from it.
 */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
