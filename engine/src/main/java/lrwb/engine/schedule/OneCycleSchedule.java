package lrwb.engine.schedule;

/**
 * The 1cycle policy (PyTorch OneCycleLR): from {@code maxLr/divFactor} up to {@code maxLr} over
 * {@code pctStart} of the run, then down to {@code initial/finalDivFactor} (three-phase: back to the
 * initial LR first, then down). The momentum moves the other way in the same phases and shape:
 * maxMomentum → baseMomentum → maxMomentum (three-phase: then it stays at maxMomentum).
 */
public record OneCycleSchedule(double maxLr, long totalSteps, double pctStart, Anneal anneal, double divFactor,
                               double finalDivFactor, boolean threePhase, boolean cycleMomentum, double baseMomentum,
                               double maxMomentum, Unit unit) implements FormulaSchedule, CyclesMomentum {
    public static final String TYPE = "oneCycle";
    public static final double DEFAULT_PCT_START = 0.3;
    public static final double DEFAULT_DIV_FACTOR = 25;
    public static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;
    /** PyTorch OneCycleLR's defaults. */
    public static final double DEFAULT_BASE_MOMENTUM = 0.85;
    public static final double DEFAULT_MAX_MOMENTUM = 0.95;

    public enum Anneal {
        COS("cos"), LINEAR("linear");

        private final String json;

        Anneal(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public OneCycleSchedule {
        Check.lr(TYPE, "maxLr", maxLr);
        Check.steps(TYPE, "totalSteps", totalSteps);
        Check.range(TYPE, "pctStart", pctStart, 0, false, 1, false);
        anneal = Check.required(TYPE, "anneal", anneal);
        Check.positive(TYPE, "divFactor", divFactor);
        Check.positive(TYPE, "finalDivFactor", finalDivFactor);
        double initial = maxLr / divFactor;
        if (!Double.isFinite(initial)) {
            throw new InvalidSpecException(TYPE + ".divFactor", "makes the initial LR maxLr/divFactor overflow to infinity ("
                    + Check.num(maxLr) + " / " + Check.num(divFactor) + "); it must be >= maxLr / " + Check.num(Double.MAX_VALUE)
                    + " (the default is " + Check.num(DEFAULT_DIV_FACTOR) + ")");
        }
        if (!Double.isFinite(initial / finalDivFactor)) {
            throw new InvalidSpecException(TYPE + ".finalDivFactor", "makes the final LR maxLr/divFactor/finalDivFactor overflow"
                    + " to infinity (" + Check.num(initial) + " / " + Check.num(finalDivFactor) + "); it must be >= "
                    + "maxLr/divFactor / " + Check.num(Double.MAX_VALUE) + " (the default is " + Check.num(DEFAULT_FINAL_DIV_FACTOR) + ")");
        }
        CyclesMomentum.check(TYPE, baseMomentum, maxMomentum);
        unit = unit == null ? Unit.ITERATION : unit;
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double start = 0;
        for (double end : ends) {
            if (!(end > start)) {
                throw new InvalidSpecException(TYPE + ".pctStart", "leaves an empty phase: with totalSteps " + totalSteps
                        + " and pctStart " + Check.num(pctStart) + " the phases end at steps " + java.util.Arrays.toString(ends)
                        + "; each must end after the previous one (raise totalSteps or change pctStart)");
            }
            start = end;
        }
    }

    /** With PyTorch's default momentum cycle (0.95 down to 0.85 and back). */
    public OneCycleSchedule(double maxLr, long totalSteps, double pctStart, Anneal anneal, double divFactor,
                            double finalDivFactor, boolean threePhase, Unit unit) {
        this(maxLr, totalSteps, pctStart, anneal, divFactor, finalDivFactor, threePhase, true, DEFAULT_BASE_MOMENTUM,
                DEFAULT_MAX_MOMENTUM, unit);
    }

    private static double[] phaseEnds(long total, double pct, boolean three) {
        double up = pct * total - 1;
        return three ? new double[] {up, 2 * pct * total - 2, total - 1} : new double[] {up, total - 1};
    }

    @Override
    public String type() {
        return TYPE;
    }

    public double initialValue() {
        return maxLr / divFactor;
    }

    public double minValue() {
        return initialValue() / finalDivFactor;
    }

    @Override
    public double lr(long t) {
        double initial = initialValue();
        double min = minValue();
        return threePhase ? along(t, new double[] {initial, maxLr, initial, min})
                : along(t, new double[] {initial, maxLr, min});
    }

    @Override
    public double momentum(long t) {
        return threePhase ? along(t, new double[] {maxMomentum, baseMomentum, maxMomentum, maxMomentum})
                : along(t, new double[] {maxMomentum, baseMomentum, maxMomentum});
    }

    /** Anneals through {@code points[i] → points[i+1]} in phase i; from step T−1 on, the last point. */
    private double along(long t, double[] points) {
        if (t >= totalSteps - 1) {
            return points[points.length - 1];
        }
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            if (t <= ends[i] || i == ends.length - 1) {
                double p = (t - start) / (ends[i] - start);
                return anneal(points[i], points[i + 1], p);
            }
            start = ends[i];
        }
        throw new AssertionError("unreachable");
    }

    private double anneal(double a, double b, double p) {
        return anneal == Anneal.COS ? b + (a - b) * (1 + Math.cos(Math.PI * p)) / 2 : a + (b - a) * p;
    }
}
