package lrwb.app.model;

import lrwb.engine.model.layers.LayerActivation;
import lrwb.engine.model.layers.LayerSpecException;
import lrwb.engine.model.layers.Padding;

import java.util.Map;

/**
 * A layer's field texts read as values for the engine's records. Out-of-range values pass through: the record's
 * check gives the engine's own message. Only what no record could be given (not a number, an unknown name) is
 * refused here, in the engine's words and form ({@code field must be ... (got ...)}).
 */
final class FieldTexts {
    private final Map<String, String> texts;

    FieldTexts(Map<String, String> texts) {
        this.texts = texts;
    }

    private String text(String field) {
        String t = texts.get(field);
        return t == null ? "" : t.strip();
    }

    int integer(String field) {
        String t = text(field);
        if (t.isEmpty()) {
            throw new LayerSpecException(field, "is required");
        }
        try {
            long v = Long.parseLong(t);
            // Beyond int: still out of range, the record says by how much.
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        } catch (NumberFormatException e) {
            throw new LayerSpecException(field, "must be a whole number (got '" + t + "')");
        }
    }

    double number(String field) {
        String t = text(field);
        if (t.isEmpty()) {
            throw new LayerSpecException(field, "is required");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new LayerSpecException(field, "must be a number, e.g. 0.25 or 1e-4 (got '" + t + "')");
        }
    }

    Double optionalNumber(String field) {
        return text(field).isEmpty() ? null : number(field);
    }

    LayerActivation activation(String field) {
        String t = text(field);
        for (LayerActivation a : LayerActivation.values()) {
            if (a.json().equals(t)) {
                return a;
            }
        }
        throw new LayerSpecException(field, "must be one of " + String.join(", ", LayerActivation.NAMES) + " (got '" + t + "')");
    }

    Padding padding(String field) {
        String t = text(field);
        for (Padding p : Padding.values()) {
            if (p.json().equals(t)) {
                return p;
            }
        }
        throw new LayerSpecException(field, "must be one of same, valid (got '" + t + "')");
    }
}
