package lrwb.engine.finder;

import java.util.Arrays;
import java.util.List;

/**
 * The suggestion rules of specs/lr-finder.md, on the recorded points of a range test; {@link UnreliableResult} adds
 * why a result should not be trusted.
 */
public final class SuggestionCalculator {
    static final int MIN_POINTS = 5;
    /** fastai's {@code slide} defaults: the interval in points, and the largest slope difference that ends the slide. */
    static final int SLIDE_LR_DIFF = 15;
    static final double SLIDE_THRESHOLD = 0.005;

    private SuggestionCalculator() {
    }

    /**
     * @param points     the recorded points, in order
     * @param iterations the planned number of updates n (for the message)
     * @param diverged   whether the test stopped on divergence
     */
    public static Suggestions compute(List<RangePoint> points, int skipStart, int skipEnd, int iterations, boolean diverged) {
        int from = skipStart;
        int to = points.size() - skipEnd;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(points.get(i).smoothed())) {
                to = i;
                break;
            }
        }
        int count = Math.max(0, to - from);
        if (count < MIN_POINTS) {
            return Suggestions.none(tooFewPointsMessage(points.size(), iterations, diverged, skipStart, skipEnd, count));
        }
        double[] lr = new double[count];
        double[] x = new double[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) {
            RangePoint p = points.get(from + k);
            lr[k] = p.lr();
            x[k] = Math.log10(p.lr());
            y[k] = p.smoothed();
        }
        int argmin = argmin(y);
        double minimum10 = lr[argmin] / 10;
        double[] ys = movingAverage(y, smoothingHalfWidth(count));
        int descentStart = descentStart(ys, argmin);
        double steepest = lr[steepestIndex(ys, x, descentStart, argmin)];
        double valley = lr[valleyIndex(y)];
        int slideIndex = slideIndex(y, SLIDE_LR_DIFF, SLIDE_THRESHOLD);
        Double slide = slideIndex < 0 ? null : lr[slideIndex];
        Suggestions.CyclicBounds cyclic = cyclicBounds(y, lr, argmin);
        String message = cyclic == null
                ? "the loss never decreased over the usable range: lower startLr, or check the data and model"
                : String.format("cyclic bounds %.3g to %.3g; steepest descent at %.3g, valley at %.3g, minimum/10 %.3g",
                        cyclic.lower(), cyclic.upper(), steepest, valley, minimum10);
        String warning = UnreliableResult.why(points, from, y, lr, argmin, descentStart, iterations, diverged);
        return new Suggestions(minimum10, steepest, valley, slide, cyclic, message, warning);
    }

    /**
     * Where the descent into the minimum has begun, on the curve smoothed once more: just after the last point
     * before the minimum that is still within 10% of the highest point before it (10% of the way from that peak
     * down to the minimum). A flat, noisy start lies before it, so its wiggles (steep in log(LR), where the points
     * are dense) no longer pass for the steepest descent, even when one of them dips below that level.
     */
    static int descentStart(double[] ys, int argmin) {
        int peak = 0;
        for (int i = 1; i <= argmin; i++) {
            if (ys[i] > ys[peak]) {
                peak = i;
            }
        }
        double level = ys[argmin] + 0.9 * (ys[peak] - ys[argmin]);
        int lastHigh = peak;
        for (int i = peak; i <= argmin; i++) {
            if (ys[i] >= level) {
                lastHigh = i;
            }
        }
        return Math.min(lastHigh + 1, argmin);
    }

    /**
     * The steepest descent: the most negative slope of the curve smoothed once more (a centred moving average of
     * 2·{@link #smoothingHalfWidth} + 1 points, no lag), taken only from where the descent has begun up to the
     * minimum. After the minimum the loss diverges; its spikes and recoveries there are steep but no advice.
     */
    static int steepestIndex(double[] ys, double[] x, int from, int to) {
        double[] g = gradient(ys, x);
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (g[i] < g[best]) {
                best = i;
            }
        }
        return best;
    }

    /** 1 point either side per 50 points: none on short tests, 1 at the default 100 iterations, 10 at 500. */
    static int smoothingHalfWidth(int count) {
        return count / 50;
    }

    /** Centred moving average of half width h, over the points there are at both ends. */
    static double[] movingAverage(double[] y, int h) {
        if (h <= 0) {
            return y;
        }
        int n = y.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - h);
            int hi = Math.min(n - 1, i + h);
            double sum = 0;
            for (int j = lo; j <= hi; j++) {
                sum += y[j];
            }
            out[i] = sum / (hi - lo + 1);
        }
        return out;
    }

    private static String tooFewPointsMessage(int recorded, int iterations, boolean diverged, int skipStart, int skipEnd, int usable) {
        if (diverged) {
            return "the loss diverged after " + recorded + " of " + iterations
                    + " iterations, too early for suggestions: lower startLr or endLr";
        }
        return "only " + usable + " usable points (of " + recorded + " recorded, skipping the first " + skipStart
                + " and the last " + skipEnd + "); at least " + MIN_POINTS + " are needed: raise iterations";
    }

    static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** numpy.gradient(y, x): second-order central differences on uneven spacing, one-sided at both ends. */
    static double[] gradient(double[] y, double[] x) {
        int n = y.length;
        double[] g = new double[n];
        g[0] = (y[1] - y[0]) / (x[1] - x[0]);
        g[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        for (int i = 1; i < n - 1; i++) {
            double h1 = x[i] - x[i - 1];
            double h2 = x[i + 1] - x[i];
            double a = -h2 / (h1 * (h1 + h2));
            double b = (h2 - h1) / (h1 * h2);
            double c = h1 / (h2 * (h1 + h2));
            g[i] = a * y[i - 1] + b * y[i] + c * y[i + 1];
        }
        return g;
    }

    /**
     * fastai's valley: a point a little past the start of the longest strictly decreasing run. {@code lds[k]} is the
     * length of the longest strictly decreasing subsequence ending at point k, as fastai computes it, but from a
     * Fenwick tree of the longest length so far per loss rank instead of fastai's scan of every earlier point: the
     * scan made a 5,000-point test spend a fifth of its time here, and a 100,000-point one seconds.
     */
    static int valleyIndex(double[] y) {
        int n = y.length;
        double[] sorted = new double[n];
        int m = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                sorted[m++] = v + 0.0; // -0.0 and 0.0 compare equal, as fastai's '>' has them
            }
        }
        Arrays.sort(sorted, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        // longest[i] (1-based Fenwick over ranks from the highest loss down): the longest run ending at a loss of
        // one of the i highest ranks; a point extends the runs of the strictly higher losses before it
        int[] longest = new int[distinct + 1];
        int[] lds = new int[n];
        int end = 0;
        for (int k = 0; k < n; k++) {
            lds[k] = 1;
            if (!Double.isNaN(y[k])) {
                int fromTop = distinct - Arrays.binarySearch(sorted, 0, distinct, y[k] + 0.0); // 1 for the highest
                for (int i = fromTop - 1; i > 0; i -= i & -i) {
                    lds[k] = Math.max(lds[k], longest[i] + 1);
                }
                for (int i = fromTop; i <= distinct; i += i & -i) {
                    longest[i] = Math.max(longest[i], lds[k]);
                }
            }
            if (lds[k] > lds[end]) {
                end = k;
            }
        }
        int start = end - lds[end];
        double span = (end - start) / 3.0;
        return Math.max(0, start + (int) Math.floor(span) + (int) Math.floor(span / 2));
    }

    /**
     * fastai's {@code slide} (fastai.callback.schedule, adjust_value 1): g = the slope of y per point (numpy.gradient
     * with unit spacing); an interval of {@code lrDiff} points slides left from the end, [r − lrDiff, r] with r = n−1,
     * n−2, ..., while its ends' slopes differ by more than {@code thresh}; the answer is the left end of the last
     * interval that did (the first interval's left end when none did).
     *
     * <p>When every interval's ends differ, the slide runs off the start without finding where the curve levels off;
     * fastai then answers the first LR, which is no finding but where the points ran out: a 30-point test of 1e-7..10
     * has only 7 intervals to try, all across the descent, and "suggested" 6.7e-7, four decades below it. Here that
     * is no answer.
     *
     * @return the index, or -1 when there are no more than {@code lrDiff} points (fastai fails there) or the slide
     *         ran off the start
     */
    static int slideIndex(double[] y, int lrDiff, double thresh) {
        int n = y.length;
        if (n <= lrDiff) {
            return -1;
        }
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        double[] g = gradient(y, index);
        int right = n - 1;
        int left = right - lrDiff;
        int answer = left;
        while (left >= 0 && Math.abs(g[right] - g[left]) > thresh) {
            answer = left;
            right--;
            left--;
        }
        return left < 0 ? -1 : answer;
    }

    private static Suggestions.CyclicBounds cyclicBounds(double[] y, double[] lr, int kStar) {
        double l0 = y[0];
        double drop = l0 - y[kStar];
        if (!(drop > 0)) {
            return null;
        }
        return new Suggestions.CyclicBounds(lr[firstAtOrBelow(y, kStar, l0 - 0.1 * drop)],
                lr[firstAtOrBelow(y, kStar, l0 - 0.9 * drop)]);
    }

    private static int firstAtOrBelow(double[] y, int last, double level) {
        for (int i = 0; i <= last; i++) {
            if (y[i] <= level) {
                return i;
            }
        }
        return last;
    }
}
