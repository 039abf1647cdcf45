package lrwb.app.chart;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Zoom and pan on a {@link CurveChart}, the way plotting tools do it: the mouse wheel zooms around the pointer
 * (over the plot both axes, over an axis that axis only), dragging a box zooms to the box, dragging with the
 * right or middle button (or Shift and the left) pans, and a double-click goes back to the whole data. While
 * zoomed, a note in the plot's corner says how to get back. The view is kept in axis coordinates (decades on
 * a log axis), so zooming is even on screen whatever the scale.
 */
final class ChartNavigation {
    /** How much one notch of the wheel zooms. */
    private static final double WHEEL_FACTOR = 1.25;
    /** A drag shorter than this (px) in both directions is a click, not a box. */
    private static final double MIN_BOX = 6;

    private final Node chart;
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final Runnable changed;
    private final Pane layer = new Pane();
    private final Rectangle box = new Rectangle();
    private final Label note = new Label("Zoomed · double-click to see all");

    /** The shown range in axis coordinates, or null where the axis follows the data. */
    private double[] x;
    private double[] y;

    private Point2D pressed;
    private boolean panning;
    private double[] panX;
    private double[] panY;

    ChartNavigation(Node chart, Region plotBackground, ScaledAxis xAxis, ScaledAxis yAxis, Runnable changed) {
        this.chart = chart;
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.changed = changed;
        layer.setMouseTransparent(true);
        layer.getStyleClass().add("chart-navigation");
        box.getStyleClass().add("chart-zoom-box");
        box.setVisible(false);
        box.setManaged(false);
        note.getStyleClass().add("chart-zoom-note");
        note.setVisible(false);
        note.setManaged(false);
        layer.getChildren().addAll(box, note);
        chart.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && inPlot(e.getSceneX(), e.getSceneY())) {
                reset();
                e.consume();
            }
        });
        // Axis scale switched: the zoomed range was in the other scale's coordinates.
        xAxis.axisScaleProperty().addListener((o, a, b) -> resetAxis(true));
        yAxis.axisScaleProperty().addListener((o, a, b) -> resetAxis(false));
    }

    Pane layer() {
        return layer;
    }

    /** The zoomed x range in axis coordinates, or null. */
    double[] x() {
        return x;
    }

    double[] y() {
        return y;
    }

    boolean isZoomed() {
        return x != null || y != null;
    }

    void reset() {
        if (isZoomed()) {
            x = null;
            y = null;
            changed.run();
        }
    }

    private void resetAxis(boolean isX) {
        if (isX ? x != null : y != null) {
            if (isX) {
                x = null;
            } else {
                y = null;
            }
            changed.run();
        }
    }

    /** Zooms to data values (NaN leaves that axis as it is). */
    void zoomTo(double xLo, double xHi, double yLo, double yHi) {
        double[] nx = axisRange(xAxis, xLo, xHi);
        double[] ny = axisRange(yAxis, yLo, yHi);
        if (nx != null) {
            x = nx;
        }
        if (ny != null) {
            y = ny;
        }
        changed.run();
    }

    private static double[] axisRange(ScaledAxis axis, double lo, double hi) {
        double a = axis.toAxis(lo);
        double b = axis.toAxis(hi);
        return Double.isFinite(a) && Double.isFinite(b) && b > a ? new double[] {a, b} : null;
    }

    /** Places the zoom note and keeps the box on the plot (called when the chart lays out). */
    void layout() {
        note.setVisible(isZoomed());
        if (!isZoomed() || chart.getScene() == null) {
            return;
        }
        Bounds plot = layer.sceneToLocal(plotBackground.localToScene(plotBackground.getBoundsInLocal()));
        if (plot == null) {
            return;
        }
        note.autosize();
        note.relocate(plot.getMaxX() - note.getWidth() - 4, plot.getMinY() + 4);
    }

    private boolean inPlot(double sceneX, double sceneY) {
        Point2D p = plotBackground.sceneToLocal(sceneX, sceneY);
        return p != null && plotBackground.contains(p);
    }

    private static boolean over(Node n, double sceneX, double sceneY) {
        Point2D p = n.sceneToLocal(sceneX, sceneY);
        return p != null && n.contains(p);
    }

    private double[] current(ScaledAxis axis, double[] zoomed) {
        return zoomed != null ? zoomed.clone() : new double[] {axis.getLowerBound(), axis.getUpperBound()};
    }

    private void onScroll(ScrollEvent e) {
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0) {
            return;
        }
        boolean plot = inPlot(e.getSceneX(), e.getSceneY());
        boolean onX = plot || over(xAxis, e.getSceneX(), e.getSceneY());
        boolean onY = plot || over(yAxis, e.getSceneX(), e.getSceneY());
        if (!onX && !onY) {
            return;
        }
        double factor = delta > 0 ? 1 / WHEEL_FACTOR : WHEEL_FACTOR;
        if (onX) {
            double at = xAxis.getValueForDisplay(xAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            x = scaled(current(xAxis, x), at, factor);
        }
        if (onY) {
            double at = yAxis.getValueForDisplay(yAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getY()).doubleValue();
            y = scaled(current(yAxis, y), at, factor);
        }
        changed.run();
        e.consume();
    }

    private static double[] scaled(double[] range, double at, double factor) {
        double lo = at - (at - range[0]) * factor;
        double hi = at + (range[1] - at) * factor;
        // Not beyond what doubles can tell apart: a span of 1e-9 of the value is as far as zooming goes.
        double minSpan = Math.max(1e-12, Math.abs(at) * 1e-9);
        return hi - lo < minSpan ? range : new double[] {lo, hi};
    }

    private void onPressed(MouseEvent e) {
        if (!inPlot(e.getSceneX(), e.getSceneY())) {
            pressed = null;
            return;
        }
        pressed = new Point2D(e.getSceneX(), e.getSceneY());
        panning = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE
                || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown());
        if (panning) {
            panX = current(xAxis, x);
            panY = current(yAxis, y);
            chart.setCursor(Cursor.MOVE);
        } else if (e.getButton() != MouseButton.PRIMARY) {
            pressed = null;
        }
    }

    private void onDragged(MouseEvent e) {
        if (pressed == null) {
            return;
        }
        if (panning) {
            double dx = e.getSceneX() - pressed.getX();
            double dy = e.getSceneY() - pressed.getY();
            double w = plotBackground.getWidth();
            double h = plotBackground.getHeight();
            if (w > 0 && h > 0) {
                double sx = (panX[1] - panX[0]) / w;
                double sy = (panY[1] - panY[0]) / h;
                x = new double[] {panX[0] - dx * sx, panX[1] - dx * sx};
                y = new double[] {panY[0] + dy * sy, panY[1] + dy * sy};
                changed.run();
            }
            return;
        }
        Point2D a = layer.sceneToLocal(pressed);
        Bounds plot = layer.sceneToLocal(plotBackground.localToScene(plotBackground.getBoundsInLocal()));
        Point2D b = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
        double bx = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), b.getX()));
        double by = Math.max(plot.getMinY(), Math.min(plot.getMaxY(), b.getY()));
        box.setX(Math.min(a.getX(), bx));
        box.setY(Math.min(a.getY(), by));
        box.setWidth(Math.abs(bx - a.getX()));
        box.setHeight(Math.abs(by - a.getY()));
        box.setVisible(box.getWidth() >= MIN_BOX || box.getHeight() >= MIN_BOX);
    }

    private void onReleased(MouseEvent e) {
        if (pressed == null) {
            return;
        }
        chart.setCursor(null);
        boolean wasBox = !panning && box.isVisible();
        box.setVisible(false);
        pressed = null;
        if (!wasBox || box.getWidth() < MIN_BOX || box.getHeight() < MIN_BOX) {
            return;
        }
        Point2D tl = xAxis.sceneToLocal(layer.localToScene(box.getX(), box.getY()));
        Point2D br = xAxis.sceneToLocal(layer.localToScene(box.getX() + box.getWidth(), box.getY() + box.getHeight()));
        double x0 = xAxis.getValueForDisplay(tl.getX()).doubleValue();
        double x1 = xAxis.getValueForDisplay(br.getX()).doubleValue();
        Point2D ytl = yAxis.sceneToLocal(layer.localToScene(box.getX(), box.getY()));
        Point2D ybr = yAxis.sceneToLocal(layer.localToScene(box.getX() + box.getWidth(), box.getY() + box.getHeight()));
        double y0 = yAxis.getValueForDisplay(ybr.getY()).doubleValue();
        double y1 = yAxis.getValueForDisplay(ytl.getY()).doubleValue();
        x = new double[] {Math.min(x0, x1), Math.max(x0, x1)};
        y = new double[] {Math.min(y0, y1), Math.max(y0, y1)};
        changed.run();
    }
}
