package lrwb.app.chart;

import javafx.scene.paint.Color;

/**
 * A single point drawn on a {@link CurveChart}'s plot in data coordinates: a dot where a sparse curve has a
 * measurement, a cross where something broke off (a diverged training run). Created by {@link CurveChart#points()}.
 *
 * @param y NaN puts the point on the plot's top edge: a value too large (or undefined) to plot, e.g. a diverged loss
 */
public record ChartPoint(double x, double y, Color color, Shape shape) {
    public enum Shape {
        DOT,
        CROSS
    }
}
