package lrwb.engine.data;

/**
 * The range rules for dataset options (valSplit, limit, the parameters of the synthetic sets), so every
 * rejection reads the same way: {@code [owner: ]field must be ... (got value)}.
 */
final class OptionRules {
    private OptionRules() {
    }

    /** {@code 1.0} as {@code 1}, {@code 1e-4} rather than Java's {@code 1.0E-4}. */
    static String text(double v) {
        return lrwb.engine.schedule.NumberText.of(v); // 1e308, not 1.0E308: as the user wrote it
    }

    /**
     * A value the user typed, in single quotes, with line breaks shown as {@code \\n}: a message naming
     * {@code 'csv:a\\nb'} stays one line in the CLI and in the app's one-line error label.
     */
    static String quoted(String value) {
        return "'" + value.replace("\r", "\\r").replace("\n", "\\n") + "'";
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

    /**
     * The largest noise or spread of a synthetic set. Its points live in a unit-sized layout; far beyond
     * this the noise is all there is, and near 1e308 the points (stored as float) and their squares in the
     * standardisation overflow, which used to surface much later as a diverging run.
     */
    static final double MAX_SPREAD = 1e6;

    /** A noise or a standard deviation: finite, in [0, {@link #MAX_SPREAD}]. */
    static double spread(String owner, String field, double v) {
        nonNegative(owner, field, v);
        if (v > MAX_SPREAD) {
            throw fail(owner, field, "must be at most " + text(MAX_SPREAD) + " (got " + text(v) + ")");
        }
        return v;
    }

    /**
     * The largest synthetic set: ten million points are tens of megabytes of floats, generated in seconds;
     * Integer.MAX_VALUE used to fail with a negative array size after allocating for minutes.
     */
    static final int MAX_SAMPLES = 10_000_000;

    /** A synthetic set's sample count: at least {@code min}, at most {@link #MAX_SAMPLES}. */
    static int samples(String owner, int v, int min) {
        atLeast(owner, "samples", v, min);
        if (v > MAX_SAMPLES) {
            throw fail(owner, "samples", "must be at most " + MAX_SAMPLES + " (got " + v + ")");
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
