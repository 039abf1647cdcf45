package lrwb.app.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Things drawn over a {@link CurveChart}'s plot in data coordinates: vertical value markers with a label
 * (e.g. "steepest 3.2e-3"), point markers, and bands between two x values whose edges the user drags with
 * the mouse (e.g. the cyclic LR bounds of a range test). Empty space lets the mouse through to the chart.
 */
public final class PlotOverlay extends Pane {
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final List<Marker> markers = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final Rectangle clip = new Rectangle();
    private double x0;
    private double plotTop;
    private double plotHeight;
    private double plotLeft;
    private double plotWidth;

    PlotOverlay(Region plotBackground, ScaledAxis xAxis, ScaledAxis yAxis) {
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        setPickOnBounds(false);
        setClip(clip);
        getStyleClass().add("plot-overlay");
    }

    /** A vertical line at an x value (NaN hides it), with a label at its top. */
    public final class Marker {
        private final DoubleProperty value = new SimpleDoubleProperty(Double.NaN);
        private final DoubleProperty pointY = new SimpleDoubleProperty(Double.NaN);
        private final StringProperty text = new SimpleStringProperty("");
        private final Line line = new Line();
        private final Rectangle dot = new Rectangle(8, 8);
        private final Label label = new Label();

        private Marker(String styleClass) {
            line.getStyleClass().addAll("plot-marker-line", styleClass);
            dot.getStyleClass().addAll("plot-marker-dot", styleClass);
            label.getStyleClass().addAll("plot-marker-label", styleClass);
            label.textProperty().bind(text);
            line.setMouseTransparent(true);
            dot.setMouseTransparent(true);
            label.setMouseTransparent(true);
            value.addListener((o, a, b) -> requestLayout());
            pointY.addListener((o, a, b) -> requestLayout());
            text.addListener((o, a, b) -> requestLayout());
            getChildren().addAll(line, dot, label);
        }

        public DoubleProperty valueProperty() {
            return value;
        }

        /** A y value to mark with a square on the line (NaN: none). */
        public DoubleProperty pointYProperty() {
            return pointY;
        }

        public StringProperty textProperty() {
            return text;
        }

        public Label label() {
            return label;
        }

        private void layout() {
            double px = xPixel(value.get());
            boolean shown = Double.isFinite(px);
            line.setVisible(shown);
            label.setVisible(shown && !text.get().isEmpty());
            double py = yPixel(pointY.get());
            dot.setVisible(shown && Double.isFinite(py));
            if (!shown) {
                return;
            }
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(plotTop);
            line.setEndY(plotTop + plotHeight);
            if (dot.isVisible()) {
                dot.relocate(px - dot.getWidth() / 2, py - dot.getHeight() / 2);
            }
            label.autosize();
            double w = label.getWidth();
            double lx = px + 4 + w > plotLeft + plotWidth ? px - 4 - w : px + 4;
            label.relocate(Math.max(plotLeft, lx), plotTop + 4);
        }
    }

    /** Pixels kept free between two labels on one row. */
    private static final double LABEL_GAP = 4;

    /**
     * Puts the shown markers' labels on rows so that none covers another: from left to right, each on the top row whose
     * last label ends before it starts, else on a new row below. Labels are drawn above every line, so a marker's line
     * never runs through another's words.
     */
    private void stackLabels() {
        List<Marker> shown = new ArrayList<>();
        for (Marker m : markers) {
            if (m.label.isVisible()) {
                shown.add(m);
            }
        }
        shown.sort(java.util.Comparator.comparingDouble(m -> m.label.getLayoutX()));
        List<Double> rowEnds = new ArrayList<>();
        for (Marker m : shown) {
            Label label = m.label;
            double left = label.getLayoutX();
            int row = -1;
            for (int r = 0; r < rowEnds.size() && row < 0; r++) {
                if (rowEnds.get(r) + LABEL_GAP <= left) {
                    row = r;
                }
            }
            if (row < 0) {
                row = rowEnds.size();
                rowEnds.add(0.0);
            }
            rowEnds.set(row, left + label.getWidth());
            label.relocate(left, plotTop + 4 + row * (label.getHeight() + 2));
            label.toFront();
        }
    }

    /** The span between two x values, shaded, with edges the user drags; the values stay lower < upper. */
    public final class Band {
        private final DoubleProperty lower;
        private final DoubleProperty upper;
        private final DoubleFunction<String> format;
        private final Rectangle fill = new Rectangle();
        private final Edge lowerEdge;
        private final Edge upperEdge;
        private final BooleanProperty dragging = new SimpleBooleanProperty(false);

        private Band(DoubleProperty lower, DoubleProperty upper, DoubleFunction<String> format) {
            this.lower = lower;
            this.upper = upper;
            this.format = format;
            fill.getStyleClass().add("plot-band");
            fill.setMouseTransparent(true);
            getChildren().add(0, fill);
            lowerEdge = new Edge(lower, true);
            upperEdge = new Edge(upper, false);
            lower.addListener((o, a, b) -> requestLayout());
            upper.addListener((o, a, b) -> requestLayout());
        }

        /**
         * Draws the band in {@code color} (shaded fill, edges, grips and readouts), e.g. the colour of the run it
         * belongs to; null goes back to the stylesheet's colours. Inline styles, as the stylesheet outranks setters.
         */
        public void setColor(javafx.scene.paint.Color color) {
            fill.setStyle(color == null ? "" : "-fx-fill: " + rgba(color, 0.12) + ";");
            for (Edge e : List.of(lowerEdge, upperEdge)) {
                e.line.setStyle(color == null ? "" : "-fx-stroke: " + rgba(color, 1) + ";");
                e.grip.setStyle(color == null ? "" : "-fx-fill: " + rgba(color, 1) + ";");
                e.readout.setStyle(color == null ? "" : "-fx-text-fill: " + rgba(color.darker(), 1) + ";");
            }
        }

        private static String rgba(javafx.scene.paint.Color c, double opacity) {
            return String.format(java.util.Locale.ROOT, "rgba(%d, %d, %d, %.2f)", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), opacity);
        }

        /** The shaded area (for tests: its colour). */
        public Rectangle fill() {
            return fill;
        }

        /** True while an edge is being dragged. */
        public BooleanProperty draggingProperty() {
            return dragging;
        }

        /** The grab area of the lower edge (for keyboard-free tests and tooltips). */
        public Line lowerEdgeHandle() {
            return lowerEdge.hit;
        }

        public Line upperEdgeHandle() {
            return upperEdge.hit;
        }

        private void layout() {
            double lo = xPixel(lower.get());
            double hi = xPixel(upper.get());
            boolean shown = Double.isFinite(lo) && Double.isFinite(hi);
            fill.setVisible(shown);
            lowerEdge.layout(lo, shown);
            upperEdge.layout(hi, shown);
            if (shown) {
                fill.setX(Math.min(lo, hi));
                fill.setY(plotTop);
                fill.setWidth(Math.abs(hi - lo));
                fill.setHeight(plotHeight);
            }
        }

        private final class Edge {
            private final DoubleProperty value;
            private final boolean isLower;
            private final Line line = new Line();
            /** Invisible and wide: the visible edge is thin, this makes it easy to grab. */
            private final Line hit = new Line();
            private final Rectangle grip = new Rectangle(12, 10);
            private final Label readout = new Label();

            private Edge(DoubleProperty value, boolean isLower) {
                this.value = value;
                this.isLower = isLower;
                line.getStyleClass().add("plot-band-edge");
                grip.getStyleClass().add("plot-band-grip");
                readout.getStyleClass().add("plot-band-readout");
                readout.setMouseTransparent(true);
                line.setMouseTransparent(true);
                hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
                hit.setStrokeWidth(12);
                for (var n : List.of(hit, grip)) {
                    n.setCursor(Cursor.H_RESIZE);
                    n.setOnMousePressed(e -> dragging.set(true));
                    n.setOnMouseDragged(e -> dragTo(sceneToLocal(e.getSceneX(), e.getSceneY()).getX()));
                    n.setOnMouseReleased(e -> dragging.set(false));
                }
                getChildren().addAll(line, hit, grip, readout);
            }

            private void dragTo(double px) {
                double clamped = Math.max(plotLeft, Math.min(plotLeft + plotWidth, px));
                double v = xAxis.valueAtDisplay(clamped - x0);
                if (!(v > 0) && xAxis.axisScale() == AxisScale.LOG10) {
                    return;
                }
                if (isLower) {
                    value.set(Math.min(v, upper.get() * 0.999));
                } else {
                    value.set(Math.max(v, lower.get() * 1.001));
                }
            }

            private void layout(double px, boolean shown) {
                line.setVisible(shown);
                hit.setVisible(shown);
                grip.setVisible(shown);
                readout.setVisible(shown);
                if (!shown) {
                    return;
                }
                for (Line l : List.of(line, hit)) {
                    l.setStartX(px);
                    l.setEndX(px);
                    l.setStartY(plotTop);
                    l.setEndY(plotTop + plotHeight);
                }
                grip.setX(px - grip.getWidth() / 2);
                grip.setY(plotTop + plotHeight - grip.getHeight());
                readout.setText((isLower ? "lower " : "upper ") + format.apply(value.get()));
                readout.autosize();
                double w = readout.getWidth();
                double lx = isLower ? px - 4 - w : px + 4;
                if (lx < plotLeft) {
                    lx = px + 4;
                } else if (lx + w > plotLeft + plotWidth) {
                    lx = px - 4 - w;
                }
                readout.relocate(lx, plotTop + plotHeight - grip.getHeight() - readout.getHeight() - 4);
            }
        }
    }

    /** A new value marker; its label takes the top row where it covers no other marker's label. */
    public Marker addMarker(String styleClass) {
        Marker m = new Marker(styleClass);
        markers.add(m);
        return m;
    }

    /** A draggable band between the two properties (NaN in either hides it). */
    public Band addBand(DoubleProperty lower, DoubleProperty upper, DoubleFunction<String> format) {
        Band b = new Band(lower, upper, format);
        bands.add(b);
        return b;
    }

    private double xPixel(double value) {
        double d = Double.isFinite(value) ? xAxis.displayOf(value) : Double.NaN;
        return Double.isFinite(d) ? x0 + d : Double.NaN;
    }

    private double yPixel(double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        double d = yAxis.displayOf(value);
        Point2D yOrigin = sceneToLocal(yAxis.localToScene(0, 0));
        return Double.isFinite(d) ? yOrigin.getY() + d : Double.NaN;
    }

    @Override
    protected void layoutChildren() {
        if (getScene() == null) {
            return;
        }
        Point2D plotOrigin = sceneToLocal(plotBackground.localToScene(0, 0));
        Point2D xOrigin = sceneToLocal(xAxis.localToScene(0, 0));
        x0 = xOrigin.getX();
        plotLeft = plotOrigin.getX();
        plotTop = plotOrigin.getY();
        plotWidth = plotBackground.getWidth();
        plotHeight = plotBackground.getHeight();
        clip.setX(plotLeft);
        clip.setY(plotTop);
        clip.setWidth(plotWidth);
        clip.setHeight(plotHeight);
        bands.forEach(Band::layout);
        markers.forEach(Marker::layout);
        stackLabels();
    }
}
