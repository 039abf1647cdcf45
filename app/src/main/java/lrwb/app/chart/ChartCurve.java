package lrwb.app.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;

/**
 * One line on a {@link CurveChart}: its full-resolution data (which the chart decimates to the pixels it has
 * and reads for the hover read-out), name, colour and visibility. Created by {@link CurveChart#addCurve()}.
 */
public final class ChartCurve {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Color> color = new SimpleObjectProperty<>(this, "color", Color.BLACK);
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final ObjectProperty<LineStyle> lineStyle = new SimpleObjectProperty<>(this, "lineStyle", LineStyle.SOLID);
    final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    final PointBuffer decimated = new PointBuffer();
    private double[] x = new double[0];
    private double[] y = new double[0];
    private int size;
    boolean dirty = true;
    private final Runnable onChange;

    ChartCurve(Runnable onChange) {
        this.onChange = onChange;
        series.nameProperty().bind(name);
        name.addListener((o, a, b) -> onChange.run());
        color.addListener((o, a, b) -> onChange.run());
        visible.addListener((o, a, b) -> onChange.run());
        lineStyle.addListener((o, a, b) -> onChange.run());
    }

    /**
     * Replaces the data; the chart keeps the arrays (no copy), so the caller must hand over fresh ones or not
     * touch these again.
     *
     * @param x ascending x values
     */
    public void setData(double[] x, double[] y, int size) {
        if (size > x.length || size > y.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays (" + x.length + ", " + y.length + ")");
        }
        this.x = x;
        this.y = y;
        this.size = size;
        dirty = true;
        onChange.run();
    }

    public int size() {
        return size;
    }

    /** The sample in effect at {@code xValue} (the last one at or before it), NaN outside the data. */
    public double valueAt(double xValue) {
        int i = MinMaxDecimator.indexAtOrBefore(x, size, xValue);
        return i < 0 || (i == size - 1 && xValue > x[i] + (size > 1 ? x[i] - x[i - 1] : 0)) ? Double.NaN : y[i];
    }

    double[] x() {
        return x;
    }

    double[] y() {
        return y;
    }

    /** How many points the chart draws for this curve now (after decimation); for tests and diagnostics. */
    public int drawnPoints() {
        return series.getData().size();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Color> colorProperty() {
        return color;
    }

    /** Solid by default; faint, dashed or dotted to tell apart curves that share a colour. */
    public ObjectProperty<LineStyle> lineStyleProperty() {
        return lineStyle;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }
}
