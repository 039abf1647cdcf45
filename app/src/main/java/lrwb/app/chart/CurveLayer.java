package lrwb.app.chart;

import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@link CurveChart}, drawn over its plot area as one Path per curve. LineChart would rebuild
 * the path of every series on every layout pass; here only a curve whose points changed is rebuilt (all of
 * them only when the axes move), so dragging one slider costs one curve, not five.
 *
 * <p>Laid out after the chart it covers (it is the chart's next sibling), so the axes have their new bounds
 * and scale when the paths are computed.
 */
final class CurveLayer extends Pane {
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final List<ChartCurve> curves;
    private final Rectangle clip = new Rectangle();
    private String geometry = "";

    CurveLayer(Region plotBackground, ScaledAxis xAxis, ScaledAxis yAxis, List<ChartCurve> curves) {
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.curves = curves;
        setMouseTransparent(true);
        setManaged(true);
        setClip(clip);
        getStyleClass().add("curve-layer");
    }

    @Override
    protected void layoutChildren() {
        if (getScene() == null) {
            return;
        }
        Point2D plotOrigin = sceneToLocal(plotBackground.localToScene(0, 0));
        Point2D xOrigin = sceneToLocal(xAxis.localToScene(0, 0));
        Point2D yOrigin = sceneToLocal(yAxis.localToScene(0, 0));
        clip.setX(plotOrigin.getX());
        clip.setY(plotOrigin.getY());
        clip.setWidth(plotBackground.getWidth());
        clip.setHeight(plotBackground.getHeight());

        // Linear maps from axis coordinates to this layer's pixels, taken from the axes as laid out now.
        double xLo = xAxis.getLowerBound();
        double xHi = xAxis.getUpperBound();
        double yLo = yAxis.getLowerBound();
        double yHi = yAxis.getUpperBound();
        double x0 = xOrigin.getX() + xAxis.getDisplayPosition(xLo);
        double xs = (xOrigin.getX() + xAxis.getDisplayPosition(xHi) - x0) / (xHi - xLo);
        double y0 = yOrigin.getY() + yAxis.getDisplayPosition(yLo);
        double ys = (yOrigin.getY() + yAxis.getDisplayPosition(yHi) - y0) / (yHi - yLo);
        // The bounds too: the pixels of the axes' ends stay where they are when only the range changes.
        String now = x0 + ":" + xs + ":" + xLo + ":" + y0 + ":" + ys + ":" + yLo + ":" + xAxis.axisScale() + ":"
                + yAxis.axisScale();
        boolean all = !now.equals(geometry);
        geometry = now;

        List<Path> shown = new ArrayList<>();
        for (ChartCurve c : curves) {
            if (!c.visibleProperty().get()) {
                continue;
            }
            if (all || c.pathDirty) {
                rebuild(c, x0, xs, xLo, y0, ys, yLo);
                c.pathDirty = false;
            }
            shown.add(c.path);
        }
        if (!getChildren().equals(shown)) {
            getChildren().setAll(shown);
        }
    }

    private void rebuild(ChartCurve c, double x0, double xs, double xLo, double y0, double ys, double yLo) {
        PointBuffer p = c.decimated;
        AxisScale xScale = xAxis.axisScale();
        AxisScale yScale = yAxis.axisScale();
        List<PathElement> elements = new ArrayList<>(p.size());
        boolean pen = false;
        for (int i = 0; i < p.size(); i++) {
            double ax = xScale.toAxis(p.x(i));
            double ay = yScale.toAxis(p.y(i));
            if (!Double.isFinite(ax) || !Double.isFinite(ay)) {
                pen = false; // a value this scale cannot show (0 on a log axis): lift the pen
                markIfAlone(elements);
                continue;
            }
            double px = x0 + (ax - xLo) * xs;
            double py = y0 + (ay - yLo) * ys;
            if (!pen) {
                markIfAlone(elements);
            }
            elements.add(pen ? new LineTo(px, py) : new MoveTo(px, py));
            pen = true;
        }
        markIfAlone(elements);
        c.path.getElements().setAll(elements);
    }

    /** Half the width of the dash that stands for a point with no neighbour to join (pixels). */
    static final double LONE_POINT_HALF_WIDTH = 3;

    /**
     * A point with no neighbour to draw a line to (a one-epoch run's accuracy, a value between two a log axis cannot
     * show) is a lone MoveTo, which draws nothing: it becomes a short dash in the curve's own stroke.
     */
    private static void markIfAlone(List<PathElement> elements) {
        int last = elements.size() - 1;
        if (last >= 0 && elements.get(last) instanceof MoveTo m) {
            elements.set(last, new MoveTo(m.getX() - LONE_POINT_HALF_WIDTH, m.getY()));
            elements.add(new LineTo(m.getX() + LONE_POINT_HALF_WIDTH, m.getY()));
        }
    }
}
