package lrwb.app.chart;

import java.util.Arrays;

/** Reusable x/y arrays that a {@link MinMaxDecimator} writes into, so a slider drag allocates nothing per frame. */
public final class PointBuffer {
    private double[] x = new double[0];
    private double[] y = new double[0];
    private int size;

    void clear(int capacity) {
        if (x.length < capacity) {
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
        }
        size = 0;
    }

    void add(double px, double py) {
        if (size == x.length) {
            int grown = Math.max(16, size * 2);
            x = Arrays.copyOf(x, grown);
            y = Arrays.copyOf(y, grown);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }
}
