package lrwb.engine.schedule;

/**
 * Leslie Smith's cyclical LR (PyTorch CyclicLR): a triangle between {@code baseLr} and {@code maxLr},
 * with its amplitude kept, halved every cycle, or scaled by {@code gamma^t}; the momentum makes the
 * mirrored triangle between {@code maxMomentum} and {@code baseMomentum}.
 */
public record CyclicSchedule(double baseLr, double maxLr, long stepSizeUp, long stepSizeDown, Mode mode, double gamma,
                             boolean cycleMomentum, double baseMomentum, double maxMomentum, Unit unit)
        implements FormulaSchedule, CyclesMomentum {
    public static final String TYPE = "cyclic";
    public static final long DEFAULT_STEP_SIZE_UP = 2000;
    public static final double DEFAULT_GAMMA = 1.0;
    /** PyTorch CyclicLR's defaults. */
    public static final double DEFAULT_BASE_MOMENTUM = 0.8;
    public static final double DEFAULT_MAX_MOMENTUM = 0.9;

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
        CyclesMomentum.check(TYPE, baseMomentum, maxMomentum);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    /** With PyTorch's default momentum cycle (0.9 down to 0.8 and back). */
    public CyclicSchedule(double baseLr, double maxLr, long stepSizeUp, long stepSizeDown, Mode mode, double gamma, Unit unit) {
        this(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, true, DEFAULT_BASE_MOMENTUM, DEFAULT_MAX_MOMENTUM, unit);
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
        return baseLr + (maxLr - baseLr) * height(t);
    }

    /** {@code maxMomentum − (maxMomentum − baseMomentum)·s·f}: low where the LR is high. */
    @Override
    public double momentum(long t) {
        return maxMomentum - (maxMomentum - baseMomentum) * height(t);
    }

    /** {@code s·f} of the spec: 0 at the bottom of a cycle, up to 1 at its top. */
    private double height(long t) {
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
        return s * f;
    }
}
