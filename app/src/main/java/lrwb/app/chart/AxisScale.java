package lrwb.app.chart;

/**
 * How an axis maps values to positions. JavaFX has no log axis, so a {@link ScaledAxis} plots
 * {@code log10(value)} on an ordinary NumberAxis and labels its ticks as decades; this enum is the one place
 * that knows the transform, so the data, the ticks and the hover read-out always agree.
 */
public enum AxisScale {
    LINEAR {
        @Override
        public double toAxis(double value) {
            return value;
        }

        @Override
        public double fromAxis(double axisValue) {
            return axisValue;
        }
    },
    /** Decades: a value {@code v > 0} is plotted at {@code log10(v)}; zero and negatives have no position. */
    LOG10 {
        @Override
        public double toAxis(double value) {
            return value > 0 ? Math.log10(value) : Double.NaN;
        }

        @Override
        public double fromAxis(double axisValue) {
            return Math.pow(10, axisValue);
        }
    };

    /** The axis coordinate of a data value; NaN when it cannot be shown on this scale. */
    public abstract double toAxis(double value);

    public abstract double fromAxis(double axisValue);
}
