package lrwb.engine.export;

import lrwb.engine.schedule.WsdSchedule;

/**
 * The factor of each {@code wsd} ramp shape as an expression of {@code p} (the fraction of the ramp done), written
 * as the evaluator computes it, for the Java and the Python snippets alike: one place for the six shapes.
 */
final class WsdRamps {
    /** How a language spells the three pieces of math the shapes use. */
    enum Language {
        JAVA("Math.cos", "Math.sqrt", "Math.PI"),
        PYTHON("math.cos", "math.sqrt", "math.pi");

        private final String cos;
        private final String sqrt;
        private final String pi;

        Language(String cos, String sqrt, String pi) {
            this.cos = cos;
            this.sqrt = sqrt;
            this.pi = pi;
        }
    }

    private WsdRamps() {
    }

    /** Rises 0 → 1 over the warmup. */
    static String warmup(WsdSchedule.WarmupType type, Language l) {
        return switch (type) {
            case LINEAR -> "p";
            case COSINE -> "(1 - " + l.cos + "(" + l.pi + " * p)) / 2";
            case ONE_MINUS_SQRT -> "1 - " + l.sqrt + "(1 - p)";
        };
    }

    /** Falls 1 → 0 over the decay. */
    static String decay(WsdSchedule.DecayType type, Language l) {
        return switch (type) {
            case COSINE -> "(1 + " + l.cos + "(" + l.pi + " * p)) / 2";
            case LINEAR -> "1 - p";
            case ONE_MINUS_SQRT -> "1 - " + l.sqrt + "(p)";
            case SQUARE -> "1 - p * p";
        };
    }

    /** {@code lr·(f·(1−r)+r)} around a factor expression; just {@code lr·f} when the floor ratio r is 0. */
    static String scaled(WsdSchedule s, String factor) {
        String lr = Literal.decimal(s.lr());
        String f = factor.contains(" ") ? "(" + factor + ")" : factor;
        if (s.minLrRatio() == 0) {
            return lr + " * " + f;
        }
        String r = Literal.decimal(s.minLrRatio());
        return lr + " * (" + f + " * (1 - " + r + ") + " + r + ")";
    }
}
