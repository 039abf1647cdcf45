package lrwb.engine.finder;

import lrwb.engine.schedule.NumberText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a range test's suggestions should not be trusted (specs/lr-finder.md, "warning"): the values are still
 * given, with the reason in words a user can act on. A loss that hardly fell gives bounds in noise; a test that
 * ended while the loss still fell has not found its minimum; a descent of two points has no steepest point.
 */
final class UnreliableResult {
    private UnreliableResult() {
    }

    /** 3 significant digits, as short as they go: 0.01, 3.94, 2.5e-4. */
    private static String threeDigits(double v) {
        return NumberText.of(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
    }

    /**
     * Whether the loss rose again after the minimum, somewhere in all the recorded points (the last skipEnd ones
     * included, which the suggestions leave out): by 5% of the drop, or to a loss that is not finite. Then a
     * minimum near the end of the usable range is a real one.
     */
    static boolean turnedUpAfter(List<RangePoint> points, int minIndex, double drop) {
        double min = points.get(minIndex).smoothed();
        for (int i = minIndex + 1; i < points.size(); i++) {
            double v = points.get(i).smoothed();
            if (!Double.isFinite(v) || v > min + 0.05 * Math.max(drop, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Below this fall from where the usable range starts, the "descent" is as likely noise as a dip. */
    static final double MIN_RELATIVE_DROP = 0.10;

    /**
     * Why the suggestions should not be trusted, or null: the loss hardly fell, it was still falling where the
     * test ended, or the descent spans too few points to place anything in it.
     *
     * @param points       every recorded point
     * @param from         the index in {@code points} of the usable range's first point
     * @param y            the smoothed loss over the usable range; {@code lr} its learning rates
     * @param argmin       where y is lowest; {@code descentStart} where the descent into it began
     */
    static String why(List<RangePoint> points, int from, double[] y, double[] lr, int argmin, int descentStart, int iterations,
                      boolean diverged) {
        int recorded = points.size();
        boolean turnedUp = diverged || turnedUpAfter(points, from + argmin, y[0] - y[argmin]);
        List<String> why = new ArrayList<>();
        double l0 = y[0];
        double drop = l0 - y[argmin];
        boolean stoppedEarly = !diverged && recorded < iterations;
        String ending = diverged ? " before it diverged after " + recorded + " of " + iterations + " iterations"
                : stoppedEarly ? " in the " + recorded + " of " + iterations + " iterations it ran" : "";
        if (!(drop > 0)) {
            why.add("the loss never fell below where it started" + ending + ": the suggestions say nothing about a good LR");
        } else if (drop < MIN_RELATIVE_DROP * Math.abs(l0)) {
            double percent = 100 * drop / Math.abs(l0);
            why.add(String.format(Locale.ROOT, "the smoothed loss fell only %s%% below where it started "
                    + "(%.4g to %.4g)%s: as likely noise as a dip, so the bounds and suggestions are not reliable;"
                    + " widen the LR range or check the data and model",
                    String.format(Locale.ROOT, percent < 1 ? "%.1f" : "%.0f", percent), l0, y[argmin], ending));
        } else {
            int tail = Math.max(1, y.length / 20);
            if (argmin >= y.length - 1 - tail && !turnedUp) {
                why.add(stoppedEarly
                        ? String.format(Locale.ROOT, "the test stopped after %d of %d iterations while the loss "
                        + "was still falling (at lr %s): the minimum and the upper bound may lie further right;"
                        + " run the test to its end", recorded, iterations, threeDigits(lr[argmin]))
                        : String.format(Locale.ROOT, "the loss was still falling at the last usable point"
                        + " (lr %s): the minimum and the upper bound may lie further right; raise endLr", threeDigits(lr[argmin])));
            }
            if (argmin - descentStart < 3) {
                int span = argmin - descentStart + 1;
                why.add("the descent spans only " + span + (span == 1 ? " recorded point" : " recorded points") + ": too few to place"
                        + " the steepest point in it; raise iterations");
            }
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }
}
