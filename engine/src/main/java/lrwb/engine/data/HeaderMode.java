package lrwb.engine.data;

import java.util.Locale;

/** Whether a CSV file's first row names the columns. */
public enum HeaderMode {
    /** A header if some column holds text on the first row and a number on the second. */
    AUTO,
    YES,
    NO;

    /** {@code auto}, {@code yes} or {@code no} in any case, as the CLI's {@code --header} takes it. */
    public static HeaderMode parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (HeaderMode mode : values()) {
            if (mode.name().equals(key)) {
                return mode;
            }
        }
        throw new DataException("header must be auto, yes or no (got " + OptionRules.quoted(String.valueOf(text)) + ")");
    }
}
