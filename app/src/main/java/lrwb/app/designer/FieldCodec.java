package lrwb.app.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Text of a form field to JSON and back. Text that is not a number still becomes JSON (a string), so the
 * spec reader, not the form, says what is wrong with it ({@code cyclic.maxLr must be a number (got "abc")}).
 */
final class FieldCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldCodec() {
    }

    /** The JSON for a field's text; null (field absent) for blank text. */
    static JsonNode parse(ParamKind kind, String text) {
        String t = text == null ? "" : text.strip();
        return switch (kind) {
            case NUMBER -> t.isEmpty() ? null : number(t);
            case INTEGER -> t.isEmpty() ? null : integer(t);
            case BOOLEAN -> JSON.booleanNode(Boolean.parseBoolean(t));
            case CHOICE -> t.isEmpty() ? null : JSON.textNode(t);
            case INTEGER_LIST, NUMBER_LIST -> list(kind, t);
        };
    }

    private static JsonNode number(String t) {
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? JSON.numberNode(v) : JSON.textNode(t);
        } catch (NumberFormatException e) {
            return JSON.textNode(t);
        }
    }

    private static JsonNode integer(String t) {
        try {
            return JSON.numberNode(Long.parseLong(t.replace("_", "")));
        } catch (NumberFormatException e) {
            return number(t);
        }
    }

    private static JsonNode list(ParamKind kind, String t) {
        ArrayNode array = JSON.arrayNode();
        if (t.isEmpty()) {
            return array;
        }
        for (String item : splitList(t)) {
            array.add(kind == ParamKind.INTEGER_LIST ? integer(item) : number(item));
        }
        return array;
    }

    static List<String> splitList(String t) {
        List<String> items = new ArrayList<>();
        for (String s : t.strip().split("[,;\\s]+")) {
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }

    /** The text a field shows for a JSON value: exact (round-trips) and short. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(text(item)));
            return String.join(", ", parts);
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        return v.asText();
    }

    /** A double in its shortest exact form: 0.1, 2e-4, 10000. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-4) {
            // 6.32e-5 reads better than 0.0000632; Double.toString is the shortest form that reads back exactly.
            return Double.toString(v).replace("E", "e").replace(".0e", "e");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
