package lrwb.engine.data;

import java.util.ArrayList;
import java.util.List;

/** Collects the (x, y, class) points of a synthetic set and hands them over as {@link Examples}. */
final class Points2D {
    private final float[] xy;
    private final int[] labels;
    private final List<String> classNames = new ArrayList<>();
    private int size;

    Points2D(int capacity) {
        xy = new float[2 * capacity];
        labels = new int[capacity];
    }

    /** How many of {@code samples} points class {@code c} of {@code classes} gets: even shares, the first classes take the remainder. */
    static int share(int samples, int classes, int c) {
        return samples / classes + (c < samples % classes ? 1 : 0);
    }

    /** The next class; its points follow until the next call. */
    void startClass(String name) {
        classNames.add(name);
    }

    void add(double x, double y) {
        xy[2 * size] = (float) x;
        xy[2 * size + 1] = (float) y;
        labels[size] = classNames.size() - 1;
        size++;
    }

    Examples toExamples() {
        if (size != labels.length) {
            throw new IllegalStateException(size + " points added for " + labels.length + " planned");
        }
        return new Examples(xy, 2, labels, classNames);
    }
}
