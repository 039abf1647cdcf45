package lrwb.engine.data;

/**
 * The range rules for dataset options (valSplit, limit, the parameters of the synthetic sets), so every
 * rejection reads the same way: {@code [owner: ]field must be ... (got value)}.
 */
final class OptionRules {
    private OptionRules() {
    }

    /** {@code 1.0} as {@code 1}, other numbers as Java prints them. */
    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static int atLeast(String owner, String field, int v, int min) {
        if (v < min) {
            throw fail(owner, field, "must be an integer >= " + min + " (got " + v + ")");
        }
        return v;
    }

    static int between(String owner, String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw fail(owner, field, "must be an integer in [" + min + ", " + max + "] (got " + v + ")");
        }
        return v;
    }

    static double nonNegative(String owner, String field, double v) {
        if (!(Double.isFinite(v) && v >= 0)) {
            throw fail(owner, field, "must be a finite number >= 0 (got " + text(v) + ")");
        }
        return v;
    }

    /** Strictly inside {@code (lo, hi)}. */
    static double inside(String owner, String field, double v, double lo, double hi) {
        if (!(v > lo && v < hi)) {
            throw fail(owner, field, "must be in (" + text(lo) + ", " + text(hi) + ") (got " + text(v) + ")");
        }
        return v;
    }

    private static DataException fail(String owner, String field, String rule) {
        return new DataException((owner == null ? "" : owner + ": ") + field + " " + rule);
    }
}
