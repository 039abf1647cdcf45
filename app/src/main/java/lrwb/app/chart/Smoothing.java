package lrwb.app.chart;

import java.util.Arrays;

/**
 * TensorBoard's smoothing of a noisy curve: an exponential moving average with weight {@code w} in [0, 1)
 * (0 is the raw curve, 0.99 very smooth), debiased so the first points are not pulled towards zero. A
 * non-finite value (a diverged loss) is shown as it is and does not enter the average. Kept per curve and
 * extended as the curve grows, so a live run costs only its new points per frame; a new weight recomputes all.
 */
public final class Smoothing {
    private double weight;
    private double[] out = new double[0];
    private int done;
    private double last;
    /** weight^n for the n values averaged so far: the debiasing divides by 1 - weight^n. */
    private double weightPower = 1;

    public Smoothing(double weight) {
        this.weight = clamp(weight);
    }

    private static double clamp(double w) {
        return Double.isFinite(w) ? Math.max(0, Math.min(0.999, w)) : 0;
    }

    public double weight() {
        return weight;
    }

    /** A new weight: the next {@link #apply} recomputes every point. */
    public void setWeight(double w) {
        double c = clamp(w);
        if (c != weight) {
            weight = c;
            done = 0;
        }
    }

    /**
     * The smoothed values of {@code y[0..size)}; the returned array is this object's own and is reused (its
     * length may exceed {@code size}). {@code y} is only ever appended to between calls; a shorter
     * {@code size} than last time starts over.
     */
    public double[] apply(double[] y, int size) {
        if (size < done) {
            done = 0;
        }
        if (out.length < size) {
            out = Arrays.copyOf(out, Math.max(size, out.length * 2));
        }
        if (done == 0) {
            last = 0;
            weightPower = 1;
        }
        for (int i = done; i < size; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            last = last * weight + (1 - weight) * v;
            weightPower *= weight;
            out[i] = last / (1 - weightPower);
        }
        done = size;
        return out;
    }

    /** The same, in one go, into a new array. */
    public static double[] of(double[] y, int size, double weight) {
        return Arrays.copyOf(new Smoothing(weight).apply(y, size), size);
    }
}
