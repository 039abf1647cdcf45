package lrwb.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value,...} part of a source such as {@code moons:samples=500,noise=0.2}. Each read names
 * a parameter the set knows; whatever was given but never read is reported as unknown, with the list of
 * parameters the set does take.
 */
final class SourceParameters {
    private final String owner;
    private final Map<String, String> given = new LinkedHashMap<>();
    private final List<String> known = new ArrayList<>();

    private SourceParameters(String owner) {
        this.owner = owner;
    }

    /** @param owner the set's name, for messages */
    static SourceParameters parse(String owner, String text) {
        SourceParameters parameters = new SourceParameters(owner);
        if (text.isBlank()) {
            return parameters;
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new DataException(owner + ": " + OptionRules.quoted(pair.strip()) + " should be name=value, e.g. samples=300");
            }
            String key = pair.substring(0, eq).strip();
            if (parameters.given.put(key, pair.substring(eq + 1).strip()) != null) {
                throw new DataException(owner + ": " + key + " is given twice");
            }
        }
        return parameters;
    }

    int integer(String key, int fallback) {
        String text = read(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?\\d+")) {
                throw new DataException(owner + ": " + key + " is too large (got " + text + "; the largest integer is "
                        + Integer.MAX_VALUE + ")");
            }
            throw new DataException(owner + ": " + key + " must be an integer (got " + OptionRules.quoted(text) + ")");
        }
    }

    /** A whole number of any size (a seed), or null when not given. */
    Long longInteger(String key) {
        String text = read(key);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DataException(owner + ": " + key + " must be an integer (got " + OptionRules.quoted(text) + ")");
        }
    }

    double number(String key, double fallback) {
        String text = read(key);
        if (text == null) {
            return fallback;
        }
        Double value = CsvLine.number(text);
        if (value == null) {
            throw new DataException(owner + ": " + key + " must be a number (got " + OptionRules.quoted(text) + ")");
        }
        return value;
    }

    void rejectUnknown() {
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                throw new DataException(owner + ": unknown parameter " + OptionRules.quoted(key) + " (" + owner + " takes "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private String read(String key) {
        known.add(key);
        return given.get(key);
    }
}
