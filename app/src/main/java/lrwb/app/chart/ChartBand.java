package lrwb.app.chart;

import javafx.scene.paint.Color;

/**
 * A filled region between two lines over the same x values on a {@link CurveChart}: the spread (min to max) of
 * repeated measurements around their mean. Points where either bound is not finite leave a gap.
 *
 * @param x ascending
 */
public record ChartBand(double[] x, double[] lower, double[] upper, Color color) {
    public ChartBand {
        if (x.length != lower.length || x.length != upper.length) {
            throw new IllegalArgumentException("a band needs as many lower and upper values as x values (" + x.length + ", "
                    + lower.length + ", " + upper.length + ")");
        }
    }
}
