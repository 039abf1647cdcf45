package lrwb.app.chart;

/**
 * Thins a curve to what a screen can show: for each pixel column, the lowest and the highest point in it, in
 * the order they occur. A line through those points covers exactly the pixels the full curve would, so a
 * 100k-step cyclic schedule keeps every peak and trough while the chart draws about two points per column.
 */
public final class MinMaxDecimator {
    private MinMaxDecimator() {
    }

    /**
     * Writes the decimated points of {@code (x[i], y[i])}, {@code i < size}, into {@code out}.
     * Points whose y is not finite are skipped (a gap, not a spike).
     *
     * @param x       ascending (non-decreasing) x values
     * @param xMin    left edge of the visible range
     * @param xMax    right edge of the visible range
     * @param columns pixel columns across that range
     */
    public static void decimate(double[] x, double[] y, int size, double xMin, double xMax, int columns, PointBuffer out) {
        columns = Math.max(1, columns);
        int from = firstIndexAtOrAfter(x, size, xMin);
        int to = firstIndexAfter(x, size, xMax);
        // One point beyond each edge, so the line runs on to the border instead of stopping short of it.
        from = Math.max(0, from - 1);
        to = Math.min(size, to + 1);
        out.clear(Math.min(to - from, 2 * columns + 4));
        if (to - from <= 2 * columns + 2) {
            for (int i = from; i < to; i++) {
                if (Double.isFinite(y[i])) {
                    out.add(x[i], y[i]);
                }
            }
            return;
        }
        double span = xMax - xMin;
        double perColumn = span > 0 ? columns / span : 0;
        int column = Integer.MIN_VALUE;
        int minIndex = -1;
        int maxIndex = -1;
        for (int i = from; i < to; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            int c = (int) Math.floor((x[i] - xMin) * perColumn);
            if (c != column) {
                emit(x, y, minIndex, maxIndex, out);
                column = c;
                minIndex = i;
                maxIndex = i;
            } else if (v < y[minIndex]) {
                minIndex = i;
            } else if (v > y[maxIndex]) {
                maxIndex = i;
            }
        }
        emit(x, y, minIndex, maxIndex, out);
    }

    private static void emit(double[] x, double[] y, int minIndex, int maxIndex, PointBuffer out) {
        if (minIndex < 0) {
            return;
        }
        int first = Math.min(minIndex, maxIndex);
        int second = Math.max(minIndex, maxIndex);
        out.add(x[first], y[first]);
        if (second != first) {
            out.add(x[second], y[second]);
        }
    }

    static int firstIndexAtOrAfter(double[] x, int size, double value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int firstIndexAfter(double[] x, int size, double value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the last point at or before {@code value} (the sample in effect there), or -1 before the first. */
    public static int indexAtOrBefore(double[] x, int size, double value) {
        return firstIndexAfter(x, size, value) - 1;
    }
}
