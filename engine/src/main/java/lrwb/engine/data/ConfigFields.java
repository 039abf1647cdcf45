package lrwb.engine.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a recorded configuration (a run.json's {@code config}) strictly: a missing field or one of
 * the wrong type is an IllegalArgumentException naming it, never a silent default.
 */
public final class ConfigFields {
    private ConfigFields() {
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return v.asText();
    }

    public static double number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " is missing or not a number");
        }
        return v.asDouble();
    }

    public static int integer(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return v.asInt();
    }

    public static long whole(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return v.asLong();
    }
}
