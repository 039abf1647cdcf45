package lrwb.engine.schedule;

/**
 * Leslie Smith's cyclical LR (PyTorch CyclicLR): a triangle between {@code baseLr} and {@code maxLr},
 * with its amplitude kept, halved every cycle, or scaled by {@code gamma^t}.
 */
public record CyclicSchedule(double baseLr, double maxLr, long stepSizeUp, long stepSizeDown, Mode mode, double gamma, Unit unit)
        implements FormulaSchedule {
    public static final String TYPE = "cyclic";
    public static final long DEFAULT_STEP_SIZE_UP = 2000;
    public static final double DEFAULT_GAMMA = 1.0;

    public enum Mode {
        TRIANGULAR("triangular"), TRIANGULAR2("triangular2"), EXP_RANGE("expRange");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public CyclicSchedule {
        Check.lr(TYPE, "baseLr", baseLr);
        Check.lr(TYPE, "maxLr", maxLr);
        if (!(maxLr > baseLr)) {
            throw new InvalidSpecException(TYPE + ".maxLr",
                    "must be > baseLr (got " + Check.num(maxLr) + " <= " + Check.num(baseLr) + ")");
        }
        Check.steps(TYPE, "stepSizeUp", stepSizeUp);
        Check.steps(TYPE, "stepSizeDown", stepSizeDown);
        if (stepSizeUp > Long.MAX_VALUE - stepSizeDown) {
            throw new InvalidSpecException(TYPE + ".stepSizeDown", "makes the cycle longer than a step count can be: "
                    + "stepSizeUp + stepSizeDown must be at most " + Long.MAX_VALUE + " (got " + stepSizeUp + " + " + stepSizeDown + ")");
        }
        mode = Check.required(TYPE, "mode", mode);
        Check.range(TYPE, "gamma", gamma, 0, false, 1, true);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    /** A symmetric triangular cycle. */
    public CyclicSchedule(double baseLr, double maxLr, long stepSize) {
        this(baseLr, maxLr, stepSize, stepSize, Mode.TRIANGULAR, DEFAULT_GAMMA, Unit.ITERATION);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double initialLr() {
        return baseLr;
    }

    @Override
    public double lr(long t) {
        double total = stepSizeUp + stepSizeDown;
        double ratio = stepSizeUp / total;
        double cycle = Math.floor(1 + t / total);
        double x = 1 + t / total - cycle;
        double s = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        double f = switch (mode) {
            case TRIANGULAR -> 1;
            case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, t);
        };
        return baseLr + (maxLr - baseLr) * s * f;
    }
}
