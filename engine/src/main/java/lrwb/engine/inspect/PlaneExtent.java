package lrwb.engine.inspect;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The part of a 2-D data plane a decision boundary is drawn over: {@code [xMin, xMax] x [yMin, yMax]}, in the
 * network's input units (standardised features for the built-in sets and CSV files).
 */
public record PlaneExtent(double xMin, double xMax, double yMin, double yMax) {
    /** Room left around the outermost points, as a share of the data's range on each axis. */
    static final double MARGIN = 0.1;

    public PlaneExtent {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("an empty extent: x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
    }

    /** Every point of the sets, with a margin of 10% of the range around them. */
    public static PlaneExtent around(DataSet... sets) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (DataSet set : sets) {
            if (set.getFeatures().columns() != 2) {
                throw new InspectException("the decision boundary needs 2 input features, not " + set.getFeatures().columns());
            }
            for (float[] p : set.getFeatures().toFloatMatrix()) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        if (xMin > xMax) {
            return new PlaneExtent(-1, 1, -1, 1);
        }
        double dx = Math.max(xMax - xMin, 1e-6) * MARGIN;
        double dy = Math.max(yMax - yMin, 1e-6) * MARGIN;
        return new PlaneExtent(xMin - dx, xMax + dx, yMin - dy, yMax + dy);
    }

    /** The x of column {@code c}'s centre in a grid of {@code columns}. */
    public double x(int c, int columns) {
        return xMin + (c + 0.5) * (xMax - xMin) / columns;
    }

    /** The y of row {@code r}'s centre in a grid of {@code rows}; row 0 is the top (largest y), as in an image. */
    public double y(int r, int rows) {
        return yMax - (r + 0.5) * (yMax - yMin) / rows;
    }
}
