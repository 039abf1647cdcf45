package lrwb.engine.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the parameters of one JSON schedule object strictly: wrong JSON types, missing required fields
 * and fields the type does not have are errors naming {@code type.field}. Fields the type does not have
 * are reported first ({@link #rejectUnknown()} before any read), because a misspelt field usually is the
 * reason a required one seems missing: {@code {"type":"constant","lrr":0.1}} is about {@code lrr}, not a
 * missing {@code lr}.
 */
final class SpecFields {
    private final String type;
    private final ObjectNode node;
    private final List<String> fields;

    /** @param fields every field the type has, {@code unit} included, {@code type} not */
    SpecFields(String type, ObjectNode node, List<String> fields) {
        this.type = type;
        this.node = node;
        this.fields = List.copyOf(fields);
    }

    String type() {
        return type;
    }

    private InvalidSpecException error(String field, String rule) {
        return new InvalidSpecException(type + "." + field, rule);
    }

    private JsonNode get(String field) {
        declared(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private JsonNode require(String field) {
        JsonNode v = get(field);
        if (v == null) {
            throw error(field, "is required");
        }
        return v;
    }

    private double toDouble(String field, JsonNode v) {
        if (!v.isNumber()) {
            throw error(field, "must be a number (got " + v + ")");
        }
        return v.doubleValue();
    }

    private long toLong(String field, JsonNode v) {
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw error(field, "must be an integer (got " + v + ")");
        }
        return v.asLong();
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

    long integer(String field) {
        return toLong(field, require(field));
    }

    long integer(String field, long fallback) {
        JsonNode v = get(field);
        return v == null ? fallback : toLong(field, v);
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(field, "must be true or false (got " + v + ")");
        }
        return v.booleanValue();
    }

    /** One of the given JSON names, or {@code fallback} (may be null) when absent. */
    <E extends Enum<E>> E choice(String field, E[] values, Function<E, String> name, E fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        List<String> allowed = new ArrayList<>();
        for (E e : values) {
            if (v.isTextual() && name.apply(e).equals(v.textValue())) {
                return e;
            }
            allowed.add(name.apply(e));
        }
        throw error(field, "must be one of " + String.join(", ", allowed) + " (got " + v + ")");
    }

    Unit unit() {
        return choice("unit", Unit.values(), Unit::json, Unit.ITERATION);
    }

    private JsonNode array(String field) {
        JsonNode v = require(field);
        if (!v.isArray()) {
            throw error(field, "must be a list (got " + v + ")");
        }
        return v;
    }

    List<Long> integers(String field) {
        List<Long> out = new ArrayList<>();
        JsonNode arr = array(field);
        for (int i = 0; i < arr.size(); i++) {
            out.add(toLong(field + "[" + i + "]", arr.get(i)));
        }
        return out;
    }

    List<Long> integers(String field, List<Long> fallback) {
        return node.has(field) ? integers(field) : declared(field, fallback);
    }

    private void declared(String field) {
        if (!fields.contains(field)) {
            throw new IllegalStateException(type + " reads " + field + " but its field list is " + fields);
        }
    }

    private <T> T declared(String field, T fallback) {
        declared(field);
        return fallback;
    }

    List<Double> numbers(String field) {
        List<Double> out = new ArrayList<>();
        JsonNode arr = array(field);
        for (int i = 0; i < arr.size(); i++) {
            out.add(toDouble(field + "[" + i + "]", arr.get(i)));
        }
        return out;
    }

    List<JsonNode> objects(String field) {
        List<JsonNode> out = new ArrayList<>();
        array(field).forEach(out::add);
        return out;
    }

    /** Any key the type does not have is an error, never silently ignored; the closest field is suggested. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("type") && !fields.contains(name)) {
                String hint = ClosestName.to(name, fields)
                        .map(close -> "did you mean \"" + close + "\"?")
                        .orElse("its fields: " + String.join(", ", fields));
                throw error(Quoted.name(name), "is not a field of " + type + " (" + hint + ")");
            }
        }
    }
}
