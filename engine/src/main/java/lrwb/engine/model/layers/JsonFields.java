package lrwb.engine.model.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.schedule.ClosestName;

import java.util.Iterator;
import java.util.List;

/**
 * Reads the fields of one JSON object strictly: fields it does not have, wrong JSON types and missing required
 * fields are {@link LayerSpecException}s naming the field. Unknown fields are reported first
 * ({@link #rejectUnknown}): a misspelt field is usually why a required one seems missing.
 */
final class JsonFields {
    private final String owner;
    private final ObjectNode node;
    private final List<String> fields;

    /**
     * @param owner  what the object is, for "is not a field of ..." ({@code conv2d}, {@code a layer stack})
     * @param fields every field it may have
     */
    JsonFields(String owner, ObjectNode node, List<String> fields) {
        this.owner = owner;
        this.node = node;
        this.fields = List.copyOf(fields);
    }

    /** @param ignored a field read elsewhere ({@code type}), or null */
    void rejectUnknown(String ignored) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name) && !name.equals(ignored)) {
                String hint = ClosestName.to(name, fields).map(close -> "did you mean \"" + close + "\"?")
                        .orElse(fields.isEmpty() ? "it has none" : "its fields: " + String.join(", ", fields));
                throw new LayerSpecException(shown(name), "is not a field of " + owner + " (" + hint + ")");
            }
        }
    }

    /** A field name as typed, JSON-quoted only when it would break the one-line message or read ambiguously. */
    private static String shown(String name) {
        return name.isEmpty() || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '"' || c == '\\') ? JsonText.quoted(name) : name;
    }

    private JsonNode get(String field) {
        if (!fields.contains(field)) {
            throw new IllegalStateException(owner + " reads " + field + " but its field list is " + fields);
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    JsonNode require(String field) {
        JsonNode v = get(field);
        if (v == null) {
            throw new LayerSpecException(field, "is required");
        }
        return v;
    }

    /** An integer in {@code [min, max]}; the range is checked here so that 1e12 is reported as typed. */
    int integer(String field, int min, int max) {
        return toInt(field, require(field), min, max);
    }

    int integer(String field, int min, int max, int fallback) {
        JsonNode v = get(field);
        return v == null ? fallback : toInt(field, v, min, max);
    }

    private static int toInt(String field, JsonNode v, int min, int max) {
        if (!v.isNumber() || !v.canConvertToExactIntegral()) {
            throw new LayerSpecException(field, "must be an integer (got " + v + ")");
        }
        if (!v.canConvertToLong()) {
            throw new LayerSpecException(field, "must be in [" + min + ", " + max + "] (got " + v + ")");
        }
        return Check.range(field, v.asLong(), min, max);
    }

    double number(String field) {
        return toDouble(field, require(field));
    }

    double number(String field, double fallback) {
        JsonNode v = get(field);
        return v == null ? fallback : toDouble(field, v);
    }

    Double optionalNumber(String field) {
        JsonNode v = get(field);
        return v == null ? null : toDouble(field, v);
    }

    private static double toDouble(String field, JsonNode v) {
        if (!v.isNumber()) {
            throw new LayerSpecException(field, "must be a number (got " + v + ")");
        }
        return v.doubleValue();
    }

    String text(String field) {
        return toText(field, require(field));
    }

    /** @return null when absent */
    String optionalText(String field) {
        JsonNode v = get(field);
        return v == null ? null : toText(field, v);
    }

    private static String toText(String field, JsonNode v) {
        if (!v.isTextual()) {
            throw new LayerSpecException(field, "must be a string (got " + v + ")");
        }
        return v.textValue();
    }

    LayerActivation activation(String field) {
        return LayerActivation.fromJson(field, text(field));
    }

    LayerActivation activation(String field, LayerActivation fallback) {
        String name = optionalText(field);
        return name == null ? fallback : LayerActivation.fromJson(field, name);
    }

    Padding padding(String field, Padding fallback) {
        String name = optionalText(field);
        return name == null ? fallback : Padding.fromJson(field, name);
    }
}
