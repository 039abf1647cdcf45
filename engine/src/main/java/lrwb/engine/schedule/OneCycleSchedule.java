package lrwb.engine.schedule;

/**
 * The 1cycle policy (PyTorch OneCycleLR): from {@code maxLr/divFactor} up to {@code maxLr} over
 * {@code pctStart} of the run, then down to {@code initial/finalDivFactor} (three-phase: back to the
 * initial LR first, then down).
 */
public record OneCycleSchedule(double maxLr, long totalSteps, double pctStart, Anneal anneal, double divFactor,
                               double finalDivFactor, boolean threePhase, Unit unit) implements FormulaSchedule {
    public static final String TYPE = "oneCycle";
    public static final double DEFAULT_PCT_START = 0.3;
    public static final double DEFAULT_DIV_FACTOR = 25;
    public static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;

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
        if (t >= totalSteps - 1) {
            return min;
        }
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double[] from = threePhase ? new double[] {initial, maxLr, initial} : new double[] {initial, maxLr};
        double[] to = threePhase ? new double[] {maxLr, initial, min} : new double[] {maxLr, min};
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            if (t <= ends[i] || i == ends.length - 1) {
                double p = (t - start) / (ends[i] - start);
                return anneal(from[i], to[i], p);
            }
            start = ends[i];
        }
        throw new AssertionError("unreachable");
    }

    private double anneal(double a, double b, double p) {
        return anneal == Anneal.COS ? b + (a - b) * (1 + Math.cos(Math.PI * p)) / 2 : a + (b - a) * p;
    }
}
