package lrwb.engine.schedule;

/**
 * The running state of a {@link PlateauSchedule}: feed it one metric value per epoch, read the LR.
 * Not thread-safe; owned by the one training thread that observes the metric.
 */
public final class PlateauController {
    private final PlateauSchedule spec;
    private double lr;
    private double best;
    private long bad;
    private long cooldownCounter;

    PlateauController(PlateauSchedule spec) {
        this.spec = spec;
        this.lr = spec.lr();
        this.best = spec.mode() == PlateauSchedule.Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public double lr() {
        return lr;
    }

    /** Observes the metric at the end of an epoch and returns the LR for the next epoch. */
    public double observe(double metric) {
        if (isBetter(metric)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            bad = 0;
        }
        if (bad > spec.patience()) {
            double reduced = Math.max(lr * spec.factor(), spec.minLr());
            if (lr - reduced > spec.eps()) {
                lr = reduced;
            }
            cooldownCounter = spec.cooldown();
            bad = 0;
        }
        return lr;
    }

    private boolean isBetter(double a) {
        double th = spec.threshold();
        boolean rel = spec.thresholdMode() == PlateauSchedule.ThresholdMode.REL;
        if (spec.mode() == PlateauSchedule.Mode.MIN) {
            return rel ? a < best * (1 - th) : a < best - th;
        }
        return rel ? a > best * (1 + th) : a > best + th;
    }
}
