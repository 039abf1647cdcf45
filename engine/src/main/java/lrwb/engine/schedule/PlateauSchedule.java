package lrwb.engine.schedule;

/**
 * ReduceLROnPlateau: starts at {@code lr}, multiplies it by {@code factor} when the monitored metric has
 * not improved for more than {@code patience} epochs. Adaptive, so it has no curve of its own; a
 * {@link PlateauController} runs it against observed metrics.
 */
public record PlateauSchedule(double lr, Monitor monitor, Mode mode, double factor, long patience, double threshold,
                              ThresholdMode thresholdMode, long cooldown, double minLr, double eps, Unit unit)
        implements ScheduleSpec {
    public static final String TYPE = "plateau";
    public static final double DEFAULT_FACTOR = 0.1;
    public static final long DEFAULT_PATIENCE = 10;
    public static final double DEFAULT_THRESHOLD = 1e-4;
    public static final double DEFAULT_EPS = 1e-8;

    public enum Monitor {
        VAL_LOSS("valLoss"), TRAIN_LOSS("trainLoss"), VAL_ACCURACY("valAccuracy");

        private final String json;

        Monitor(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        /** min for losses, max for accuracy. */
        public Mode defaultMode() {
            return this == VAL_ACCURACY ? Mode.MAX : Mode.MIN;
        }
    }

    public enum Mode {
        MIN("min"), MAX("max");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public enum ThresholdMode {
        REL("rel"), ABS("abs");

        private final String json;

        ThresholdMode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public PlateauSchedule {
        Check.lr(TYPE, "lr", lr);
        monitor = monitor == null ? Monitor.VAL_LOSS : monitor;
        mode = mode == null ? monitor.defaultMode() : mode;
        Check.range(TYPE, "factor", factor, 0, false, 1, false);
        Check.nonNegativeInt(TYPE, "patience", patience);
        Check.nonNegative(TYPE, "threshold", threshold);
        thresholdMode = thresholdMode == null ? ThresholdMode.REL : thresholdMode;
        Check.nonNegativeInt(TYPE, "cooldown", cooldown);
        Check.nonNegative(TYPE, "minLr", minLr);
        Check.nonNegative(TYPE, "eps", eps);
        unit = unit == null ? Unit.ITERATION : unit;
    }

    /** Every default of specs/schedules.md. */
    public PlateauSchedule(double lr) {
        this(lr, Monitor.VAL_LOSS, null, DEFAULT_FACTOR, DEFAULT_PATIENCE, DEFAULT_THRESHOLD, ThresholdMode.REL, 0, 0,
                DEFAULT_EPS, Unit.ITERATION);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double initialLr() {
        return lr;
    }

    /** A fresh controller at {@code lr}. */
    public PlateauController controller() {
        return new PlateauController(this);
    }

    /**
     * The LR in effect during each epoch for a scripted metric series: row 0 is {@code lr}, row e+1 the LR
     * decided after observing {@code metrics[e]} (what {@code lrwb schedule} prints and the Designer draws).
     */
    public double[] simulate(double[] metrics) {
        PlateauController c = controller();
        double[] lrs = new double[metrics.length + 1];
        lrs[0] = c.lr();
        for (int e = 0; e < metrics.length; e++) {
            lrs[e + 1] = c.observe(metrics[e]);
        }
        return lrs;
    }
}
