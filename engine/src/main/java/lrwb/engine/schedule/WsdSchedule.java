package lrwb.engine.schedule;

/**
 * Warmup-stable-decay (MiniCPM; Hugging Face's {@code get_wsd_schedule}): from {@code lr·minLrRatio} up to
 * {@code lr} over {@code warmupSteps}, {@code lr} for {@code stableSteps}, then down to {@code lr·minLrRatio}
 * over {@code decaySteps} and there for good. The two ramps have a shape each.
 */
public record WsdSchedule(double lr, long warmupSteps, long stableSteps, long decaySteps, double minLrRatio,
                          WarmupType warmupType, DecayType decayType, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "wsd";

    /** How the warmup rises, as a factor f(p) going 0 → 1 with p = t/W. */
    public enum WarmupType {
        LINEAR("linear"), COSINE("cosine"), ONE_MINUS_SQRT("1-sqrt");

        private final String json;

        WarmupType(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        double factor(double p) {
            return switch (this) {
                case LINEAR -> p;
                case COSINE -> (1 - Math.cos(Math.PI * p)) / 2;
                case ONE_MINUS_SQRT -> 1 - Math.sqrt(1 - p);
            };
        }
    }

    /** How the decay falls, as a factor f(p) going 1 → 0 with p = (t−W−S)/D. */
    public enum DecayType {
        COSINE("cosine"), LINEAR("linear"), ONE_MINUS_SQRT("1-sqrt"), SQUARE("square");

        private final String json;

        DecayType(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        double factor(double p) {
            return switch (this) {
                case COSINE -> (1 + Math.cos(Math.PI * p)) / 2;
                case LINEAR -> 1 - p;
                case ONE_MINUS_SQRT -> 1 - Math.sqrt(p);
                case SQUARE -> 1 - p * p;
            };
        }
    }

    public WsdSchedule {
        Check.lr(TYPE, "lr", lr);
        Check.nonNegativeInt(TYPE, "warmupSteps", warmupSteps);
        // No stable phase is a warmup-decay: Hugging Face allows num_stable_steps 0 too.
        Check.nonNegativeInt(TYPE, "stableSteps", stableSteps);
        Check.steps(TYPE, "decaySteps", decaySteps);
        Check.range(TYPE, "minLrRatio", minLrRatio, 0, true, 1, false);
        warmupType = Check.required(TYPE, "warmupType", warmupType);
        decayType = Check.required(TYPE, "decayType", decayType);
        unit = unit == null ? Unit.ITERATION : unit;
        if (warmupSteps > Long.MAX_VALUE - stableSteps || warmupSteps + stableSteps > Long.MAX_VALUE - decaySteps) {
            throw new InvalidSpecException(TYPE + ".decaySteps", "makes the schedule longer than a step count can be: "
                    + "warmupSteps + stableSteps + decaySteps must be at most " + Long.MAX_VALUE + " (got " + warmupSteps
                    + " + " + stableSteps + " + " + decaySteps + ")");
        }
    }

    /** The spec's defaults: no warmup, decay to 0, linear warmup and cosine decay. */
    public WsdSchedule(double lr, long warmupSteps, long stableSteps, long decaySteps) {
        this(lr, warmupSteps, stableSteps, decaySteps, 0, WarmupType.LINEAR, DecayType.COSINE, Unit.ITERATION);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Steps until the LR reaches its floor {@code lr·minLrRatio}: W + S + D. */
    public long totalSteps() {
        return warmupSteps + stableSteps + decaySteps;
    }

    @Override
    public double lr(long t) {
        if (t < warmupSteps) {
            return scaled(warmupType.factor((double) t / warmupSteps));
        }
        if (t < warmupSteps + stableSteps) {
            return lr;
        }
        if (t < totalSteps()) {
            return scaled(decayType.factor((double) (t - warmupSteps - stableSteps) / decaySteps));
        }
        return lr * minLrRatio;
    }

    /** lr·(f·(1−r)+r): the factor lifted onto the floor ratio. */
    private double scaled(double f) {
        return lr * (f * (1 - minLrRatio) + minLrRatio);
    }
}
