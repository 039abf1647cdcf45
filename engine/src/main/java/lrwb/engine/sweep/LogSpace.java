package lrwb.engine.sweep;

/**
 * {@code points} values from {@code from} to {@code to}, evenly spaced in log10, both ends included exactly: the
 * {@code lr} axis' {@code {"from", "to", "points"}} form. Computed in powers of ten, so decades come out as the
 * numbers people write (1e-4, 1e-3, ...) rather than their neighbours in floating point.
 */
final class LogSpace {
    private LogSpace() {
    }

    /** @param points at least 2; from and to finite and > 0 (the caller checks) */
    static double[] of(double from, double to, int points) {
        double[] out = new double[points];
        double a = Math.log10(from);
        double step = (Math.log10(to) - a) / (points - 1);
        for (int i = 0; i < points; i++) {
            out[i] = Math.pow(10, a + i * step);
        }
        out[0] = from;
        out[points - 1] = to;
        return out;
    }
}
