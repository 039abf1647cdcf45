package lrwb.engine.model.layers;

import lrwb.engine.schedule.NumberText;

/** The range rules of the layer specs, each failing with the field and the rule in one line. */
final class Check {
    private Check() {
    }

    static int range(String field, long value, int min, int max) {
        if (value < min || value > max) {
            throw new LayerSpecException(field, "must be in [" + min + ", " + max + "] (got " + value + ")");
        }
        return (int) value;
    }

    /** {@code [0, 1)}: a dropout rate or a momentum; 1 would drop everything or never move. */
    static double fraction(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new LayerSpecException(field, "must be in [0, 1) (got " + NumberText.of(value) + ")");
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new LayerSpecException(field, "must be a finite number > 0 (got " + NumberText.of(value) + ")");
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new LayerSpecException(field, "must be a finite number >= 0 (got " + NumberText.of(value) + ")");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new LayerSpecException(field, "is required");
        }
        return value;
    }
}
