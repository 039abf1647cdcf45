package lrwb.engine.schedule;

import java.util.List;

/** The value rules shared by every schedule type; each failure names {@code type.field} and the rule. */
final class Check {
    private Check() {
    }

    static String num(double v) {
        return NumberText.of(v);
    }

    /** A learning rate: finite and strictly positive. */
    static double lr(String type, String field, double v) {
        if (!(Double.isFinite(v) && v > 0)) {
            throw new InvalidSpecException(type + "." + field, "must be a finite number > 0 (got " + num(v) + ")");
        }
        return v;
    }

    /** A rate that may be zero (endLr, alpha, minLr, decay rates of 0). */
    static double nonNegative(String type, String field, double v) {
        if (!(Double.isFinite(v) && v >= 0)) {
            throw new InvalidSpecException(type + "." + field, "must be a finite number >= 0 (got " + num(v) + ")");
        }
        return v;
    }

    static double positive(String type, String field, double v) {
        return lr(type, field, v);
    }

    static double range(String type, String field, double v, double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        boolean ok = Double.isFinite(v)
                && (loInclusive ? v >= lo : v > lo)
                && (hiInclusive ? v <= hi : v < hi);
        if (!ok) {
            String interval = (loInclusive ? "[" : "(") + num(lo) + ", " + num(hi) + (hiInclusive ? "]" : ")");
            throw new InvalidSpecException(type + "." + field, "must be in " + interval + " (got " + num(v) + ")");
        }
        return v;
    }

    /** A step count: an integer > 0. */
    static long steps(String type, String field, long v) {
        if (v <= 0) {
            throw new InvalidSpecException(type + "." + field, "must be an integer > 0 (got " + v + ")");
        }
        return v;
    }

    static long nonNegativeInt(String type, String field, long v) {
        if (v < 0) {
            throw new InvalidSpecException(type + "." + field, "must be an integer >= 0 (got " + v + ")");
        }
        return v;
    }

    static <T> List<T> nonEmpty(String type, String field, List<T> list) {
        if (list == null || list.isEmpty()) {
            throw new InvalidSpecException(type + "." + field, "must have at least one element");
        }
        return List.copyOf(list);
    }

    /** Strictly ascending step indices, each >= {@code min}. */
    static List<Long> ascending(String type, String field, List<Long> list, long min) {
        List<Long> copy = nonEmpty(type, field, list);
        for (int i = 0; i < copy.size(); i++) {
            long v = copy.get(i);
            if (v < min) {
                throw new InvalidSpecException(type + "." + field + "[" + i + "]", "must be an integer >= " + min + " (got " + v + ")");
            }
            if (i > 0 && v <= copy.get(i - 1)) {
                throw new InvalidSpecException(type + "." + field,
                        "must be strictly ascending (got " + copy.get(i - 1) + " then " + v + ")");
            }
        }
        return copy;
    }

    static <T> T required(String type, String field, T value) {
        if (value == null) {
            throw new InvalidSpecException(type + "." + field, "is required");
        }
        return value;
    }
}
