package lrwb.app.chart;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a chart's {@link ChartBand}s (under the lines' level, faintly filled) and {@link ChartPoint}s over its plot.
 * Few shapes (a sweep's dozens of cells), so they are rebuilt on every layout; positions come from both axes as
 * laid out then, like the {@link CurveLayer}'s.
 */
final class ShapeLayer extends Pane {
    private static final double DOT_RADIUS = 3;
    private static final double CROSS_HALF = 4.5;
    private static final double BAND_OPACITY = 0.16;

    private final ObservableList<ChartBand> bands;
    private final ObservableList<ChartPoint> points;
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final Rectangle clip = new Rectangle();

    ShapeLayer(ObservableList<ChartBand> bands, ObservableList<ChartPoint> points, Region plotBackground, ScaledAxis xAxis,
               ScaledAxis yAxis) {
        this.bands = bands;
        this.points = points;
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        setMouseTransparent(true);
        setClip(clip);
        getStyleClass().add("chart-shape-layer");
        bands.addListener((ListChangeListener<ChartBand>) c -> requestLayout());
        points.addListener((ListChangeListener<ChartPoint>) c -> requestLayout());
        plotBackground.boundsInParentProperty().addListener((o, a, b) -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
        if (getScene() == null) {
            return;
        }
        Point2D top = sceneToLocal(plotBackground.localToScene(0, 0));
        if (top == null) {
            return;
        }
        clip.setX(top.getX());
        // a cross on the top edge (a diverged run) keeps its upper half
        clip.setY(top.getY() - CROSS_HALF - 1);
        clip.setWidth(plotBackground.getWidth());
        clip.setHeight(plotBackground.getHeight() + CROSS_HALF + 1);
        List<Node> shapes = new ArrayList<>();
        for (ChartBand band : bands) {
            addBand(band, shapes);
        }
        for (ChartPoint p : points) {
            double px = x(p.x());
            double py = Double.isNaN(p.y()) ? top.getY() : y(p.y());
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            if (p.shape() == ChartPoint.Shape.DOT) {
                Circle dot = new Circle(px, py, DOT_RADIUS, p.color());
                dot.getStyleClass().add("chart-point");
                shapes.add(dot);
            } else {
                for (int sign : new int[] {1, -1}) {
                    Line stroke = new Line(px - CROSS_HALF, py - sign * CROSS_HALF, px + CROSS_HALF, py + sign * CROSS_HALF);
                    stroke.setStroke(p.color());
                    stroke.setStrokeWidth(2.2);
                    stroke.getStyleClass().add("chart-cross");
                    shapes.add(stroke);
                }
            }
        }
        getChildren().setAll(shapes);
    }

    /** One polygon per unbroken stretch of finite bounds. */
    private void addBand(ChartBand band, List<Node> into) {
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        for (int i = 0; i <= band.x().length; i++) {
            double px = i < band.x().length ? x(band.x()[i]) : Double.NaN;
            double hi = i < band.x().length ? y(band.upper()[i]) : Double.NaN;
            double lo = i < band.x().length ? y(band.lower()[i]) : Double.NaN;
            if (Double.isFinite(px) && Double.isFinite(hi) && Double.isFinite(lo)) {
                upper.add(px);
                upper.add(hi);
                lower.add(0, lo);
                lower.add(0, px);
                continue;
            }
            if (upper.size() >= 4) {
                Polygon p = new Polygon();
                p.getPoints().addAll(upper);
                p.getPoints().addAll(lower);
                p.setFill(band.color());
                p.setOpacity(BAND_OPACITY);
                p.getStyleClass().add("chart-band");
                into.add(p);
            }
            upper.clear();
            lower.clear();
        }
    }

    private double x(double value) {
        double d = xAxis.displayOf(value);
        Point2D p = Double.isFinite(d) ? sceneToLocal(xAxis.localToScene(d, 0)) : null;
        return p == null ? Double.NaN : p.getX();
    }

    private double y(double value) {
        double d = yAxis.displayOf(value);
        Point2D p = Double.isFinite(d) ? sceneToLocal(yAxis.localToScene(0, d)) : null;
        return p == null ? Double.NaN : p.getY();
    }
}
