package lrwb.engine.run;

import java.util.Locale;

/**
 * What a sound row of each metrics file looks like: a row that breaks these (an accuracy of 2.5, a negative
 * loss, an iteration out of order) was not written by a run and is left out of what the reader returns.
 */
final class MetricRules {
    private MetricRules() {
    }

    static String iterationRow(double[] r, double previousIteration) {
        if (!isWhole(r[0]) || r[0] < 0 || r[0] <= previousIteration) {
            return "iteration " + text(r[0]) + " is not a whole number after " + text(previousIteration);
        }
        if (!isWhole(r[1]) || r[1] < 0) {
            return "epoch " + text(r[1]) + " is not a whole number >= 0";
        }
        return lr(r[2]);
    }

    static String epochRow(double[] r, double previousEpoch) {
        if (!isWhole(r[0]) || r[0] < 0 || r[0] <= previousEpoch) {
            return "epoch " + text(r[0]) + " is not a whole number after " + text(previousEpoch);
        }
        String lr = lr(r[1]);
        if (lr != null) {
            return lr;
        }
        for (int c : new int[] {3, 5}) {
            if (!Double.isNaN(r[c]) && !(r[c] >= 0 && r[c] <= 1)) {
                return (c == 3 ? "train_accuracy " : "val_accuracy ") + text(r[c]) + " is outside [0, 1]";
            }
        }
        for (int c : new int[] {2, 4}) {
            if (r[c] < 0) {
                return (c == 2 ? "train_loss " : "val_loss ") + text(r[c]) + " is negative";
            }
        }
        if (!(r[6] >= 0)) {
            return "seconds " + text(r[6]) + " is not a number >= 0";
        }
        return null;
    }

    static String rangeRow(double[] r, double previousIteration) {
        if (!isWhole(r[0]) || r[0] < 0 || r[0] <= previousIteration) {
            return "iteration " + text(r[0]) + " is not a whole number after " + text(previousIteration);
        }
        if (!(r[1] > 0 && Double.isFinite(r[1]))) {
            return "lr " + text(r[1]) + " is not a finite number > 0";
        }
        return null;
    }

    /** An LR is a finite number > 0, or NaN in runs recorded when adadelta had no LR (before it took torch's multiplier). */
    private static String lr(double v) {
        return Double.isNaN(v) || (v > 0 && Double.isFinite(v)) ? null : "lr " + text(v) + " is not a finite number > 0";
    }

    private static boolean isWhole(double v) {
        return Double.isFinite(v) && v == Math.rint(v);
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
