package lrwb.app.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * One line on a {@link CurveChart}: its full-resolution data (which the chart decimates to the pixels it has
 * and reads for the hover read-out), name, colour and visibility. Created by {@link CurveChart#addCurve()}.
 */
public final class ChartCurve {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Color> color = new SimpleObjectProperty<>(this, "color", Color.BLACK);
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final boolean inLegend;
    private final ObjectProperty<LineStyle> lineStyle = new SimpleObjectProperty<>(this, "lineStyle", LineStyle.SOLID);
    final Path path = new Path();
    final PointBuffer decimated = new PointBuffer();
    /** The decimated points changed since the path was built. */
    boolean pathDirty = true;
    private double[] x = new double[0];
    private double[] y = new double[0];
    private int size;
    boolean dirty = true;
    private final Runnable onChange;

    ChartCurve(Runnable onChange, boolean inLegend) {
        this.onChange = onChange;
        this.inLegend = inLegend;
        path.strokeProperty().bind(color);
        path.setStrokeWidth(2);
        path.setStrokeLineJoin(StrokeLineJoin.ROUND);
        path.setStrokeLineCap(StrokeLineCap.ROUND);
        path.getStyleClass().add("curve-line");
        name.addListener((o, a, b) -> onChange.run());
        color.addListener((o, a, b) -> onChange.run());
        visible.addListener((o, a, b) -> onChange.run());
        // A style changes how the path is stroked, not where its points are: no redraw needed.
        lineStyle.addListener((o, a, b) -> (b == null ? LineStyle.SOLID : b).applyToLine(path));
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

    /**
     * The sample in effect at {@code xValue}: the last one at or before it (a schedule's LR holds for the whole
     * step). NaN before the first sample and more than one sample spacing after the last.
     */
    public double valueAt(double xValue) {
        int i = MinMaxDecimator.indexAtOrBefore(x, size, xValue);
        if (i < 0) {
            return Double.NaN;
        }
        double spacing = size > 1 ? x[size - 1] - x[size - 2] : 0;
        return i == size - 1 && xValue > x[i] + spacing ? Double.NaN : y[i];
    }

    double[] x() {
        return x;
    }

    double[] y() {
        return y;
    }

    /** How many points the chart draws for this curve now (after decimation); for tests and diagnostics. */
    public int drawnPoints() {
        return decimated.size();
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

    /** Whether the legend lists this curve (a faint companion of a listed curve is not). */
    public boolean isInLegend() {
        return inLegend;
    }
}
