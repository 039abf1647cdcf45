package lrwb.app.chart;

import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A vertical line under the mouse with a dot on every visible curve and a box listing each curve's value
 * there. Values come from the full-resolution data, not the decimated points, so the read-out is exact.
 */
public final class Crosshair {
    /** About the height of one line of the read-out (px), to know how many fit in the plot. */
    private static final double ROW_HEIGHT = 17;

    /** One curve's line in the read-out: its value here and where that is on screen. */
    private record Row(ChartCurve curve, double value, double y, int order) {
    }

    private final LineChart<Number, Number> chart;
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final List<ChartCurve> curves;
    private final DoubleFunction<String> xFormat;
    private final DoubleFunction<String> yFormat;
    private final Pane overlay = new Pane();
    private final Line line = new Line();
    private final VBox readout = new VBox(2);
    private final List<Circle> dots = new ArrayList<>();
    private double sceneX = Double.NaN;
    private double sceneY = Double.NaN;
    private String text = "";

    Crosshair(LineChart<Number, Number> chart, Region plotBackground, ScaledAxis xAxis, ScaledAxis yAxis,
              List<ChartCurve> curves, DoubleFunction<String> xFormat, DoubleFunction<String> yFormat) {
        this.chart = chart;
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.curves = curves;
        this.xFormat = xFormat;
        this.yFormat = yFormat;
        overlay.setMouseTransparent(true);
        overlay.setManaged(true);
        line.getStyleClass().add("crosshair-line");
        readout.getStyleClass().add("crosshair-readout");
        readout.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        overlay.getChildren().addAll(line, readout);
        hide();
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showAt(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> showAt(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    Pane overlay() {
        return overlay;
    }

    /** What the read-out box says now, one line per entry (empty when hidden); for tests and accessibility. */
    public String text() {
        return text;
    }

    void refresh() {
        if (!Double.isNaN(sceneX)) {
            showAt(sceneX, sceneY);
        }
    }

    /** Shows the crosshair at a scene position; hides it when that is outside the plot area. */
    public void showAt(double sx, double sy) {
        Point2D inPlot = plotBackground.sceneToLocal(sx, sy);
        if (inPlot == null || !plotBackground.contains(inPlot)) {
            hide();
            return;
        }
        sceneX = sx;
        sceneY = sy;
        double xValue = xAxis.valueAtDisplay(xAxis.sceneToLocal(sx, sy).getX());
        Point2D top = overlay.sceneToLocal(plotBackground.localToScene(0, 0));
        Point2D bottom = overlay.sceneToLocal(plotBackground.localToScene(0, plotBackground.getHeight()));
        double ox = overlay.sceneToLocal(sx, sy).getX();
        line.setStartX(ox);
        line.setEndX(ox);
        line.setStartY(top.getY());
        line.setEndY(bottom.getY());
        line.setVisible(true);

        List<String> lines = new ArrayList<>();
        String header = xFormat.apply(xValue);
        lines.add(header);
        readout.getChildren().clear();
        Label head = new Label(header);
        head.getStyleClass().add("crosshair-header");
        readout.getChildren().add(head);
        // Every visible curve's value here; with more curves than rows fit in the plot, the ones nearest the
        // pointer (the ones being looked at), in their own order, and how many more there are.
        double mouseY = overlay.sceneToLocal(sx, sy).getY();
        List<Row> rows = new ArrayList<>();
        for (ChartCurve c : curves) {
            if (!c.visibleProperty().get()) {
                continue;
            }
            double v = c.valueAt(xValue);
            double py = yAxis.displayOf(v);
            double oy = Double.isFinite(py) ? overlay.sceneToLocal(yAxis.localToScene(0, py)).getY() : Double.NaN;
            rows.add(new Row(c, v, oy, rows.size()));
        }
        int fit = Math.max(3, (int) ((bottom.getY() - top.getY() - 40) / ROW_HEIGHT));
        List<Row> listed = rows;
        if (rows.size() > fit) {
            listed = rows.stream()
                    .sorted(java.util.Comparator.comparingDouble(r -> Double.isFinite(r.y) ? Math.abs(r.y - mouseY) : Double.MAX_VALUE))
                    .limit(fit - 1L)
                    .sorted(java.util.Comparator.comparingInt(Row::order))
                    .toList();
        }
        int dot = 0;
        for (Row r : listed) {
            ChartCurve c = r.curve;
            String value = Double.isNaN(r.value) ? "–" : yFormat.apply(r.value);
            lines.add(c.nameProperty().get() + ": " + value);
            Color color = c.colorProperty().get();
            Rectangle swatch = new Rectangle(10, 10, color);
            Label row = new Label(c.nameProperty().get() + "   " + value, swatch);
            readout.getChildren().add(row);
            if (Double.isFinite(r.y)) {
                Circle circle = dot < dots.size() ? dots.get(dot) : newDot();
                circle.setCenterX(ox);
                circle.setCenterY(r.y);
                circle.setStroke(color);
                circle.setVisible(r.y >= top.getY() - 1 && r.y <= bottom.getY() + 1);
                dot++;
            }
        }
        if (listed.size() < rows.size()) {
            String more = "+ " + (rows.size() - listed.size()) + " more (the nearest are listed)";
            lines.add(more);
            Label footer = new Label(more);
            footer.getStyleClass().add("crosshair-more");
            readout.getChildren().add(footer);
        }
        for (int i = dot; i < dots.size(); i++) {
            dots.get(i).setVisible(false);
        }
        text = String.join("\n", lines);
        readout.applyCss();
        readout.autosize();
        double w = readout.getWidth();
        double plotRight = overlay.sceneToLocal(plotBackground.localToScene(plotBackground.getWidth(), 0)).getX();
        // Right of the line if it fits in the plot, else left of it; never over the axes and their labels.
        double left = ox + 14 + w > plotRight ? Math.max(top.getX() + 4, ox - 14 - w) : ox + 14;
        double y = Math.max(top.getY() + 4, Math.min(overlay.sceneToLocal(sx, sy).getY() - readout.getHeight() / 2,
                bottom.getY() - readout.getHeight() - 4));
        readout.relocate(left, y);
        readout.setVisible(true);
    }

    private Circle newDot() {
        Circle c = new Circle(4);
        c.setFill(Color.WHITE);
        c.setStrokeWidth(2);
        c.getStyleClass().add("crosshair-dot");
        dots.add(c);
        overlay.getChildren().add(c);
        return c;
    }

    public void hide() {
        sceneX = Double.NaN;
        sceneY = Double.NaN;
        text = "";
        line.setVisible(false);
        readout.setVisible(false);
        dots.forEach(d -> d.setVisible(false));
    }

    /** Whether the read-out is showing. */
    public boolean isShowing() {
        return readout.isVisible();
    }
}
