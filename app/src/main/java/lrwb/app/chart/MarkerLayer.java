package lrwb.app.chart;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a chart's {@link ChartMarker}s over its plot. Positions are taken from the axes when this layer is
 * laid out, which happens after the chart's own layout (it is the later sibling), so lines stay on their x
 * value when the axes re-fit or the window resizes.
 */
final class MarkerLayer extends Pane {
    /** Labels closer than this (px) to the previous one move down a row instead of overlapping it. */
    private static final double LABEL_GAP = 6;

    private final ObservableList<ChartMarker> markers;
    private final Region plotBackground;
    private final ScaledAxis xAxis;
    private final List<Line> lines = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    MarkerLayer(ObservableList<ChartMarker> markers, Region plotBackground, ScaledAxis xAxis) {
        this.markers = markers;
        this.plotBackground = plotBackground;
        this.xAxis = xAxis;
        setMouseTransparent(true);
        getStyleClass().add("chart-marker-layer");
        markers.addListener((ListChangeListener<ChartMarker>) c -> requestLayout());
        plotBackground.boundsInParentProperty().addListener((o, a, b) -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
        while (lines.size() < markers.size()) {
            Line line = new Line();
            line.getStyleClass().add("chart-marker");
            Label label = new Label();
            label.getStyleClass().add("chart-marker-label");
            lines.add(line);
            labels.add(label);
            getChildren().addAll(line, label);
        }
        for (int i = markers.size(); i < lines.size(); i++) {
            lines.get(i).setVisible(false);
            labels.get(i).setVisible(false);
        }
        if (markers.isEmpty() || getScene() == null) {
            return;
        }
        Point2D top = sceneToLocal(plotBackground.localToScene(0, 0));
        Point2D bottom = sceneToLocal(plotBackground.localToScene(plotBackground.getWidth(), plotBackground.getHeight()));
        if (top == null || bottom == null) {
            return;
        }
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (int i = 0; i < markers.size(); i++) {
            ChartMarker m = markers.get(i);
            Line line = lines.get(i);
            Label label = labels.get(i);
            double display = xAxis.displayOf(m.x());
            Point2D p = Double.isFinite(display) ? sceneToLocal(xAxis.localToScene(display, 0)) : null;
            boolean inside = p != null && p.getX() >= top.getX() - 0.5 && p.getX() <= bottom.getX() + 0.5;
            line.setVisible(inside);
            label.setVisible(inside);
            if (!inside) {
                continue;
            }
            double x = Math.round(p.getX()) + 0.5;
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(top.getY());
            line.setEndY(bottom.getY());
            line.setStroke(m.color());
            label.setText(m.label());
            label.setTextFill(m.color().darker());
            label.autosize();
            double w = label.prefWidth(-1);
            double h = label.prefHeight(w);
            double left = Math.min(x + 3, bottom.getX() - w);
            row = left < lastLabelEnd + LABEL_GAP ? (row + 1) % 4 : 0;
            label.resizeRelocate(left, top.getY() + 2 + row * h, w, h);
            lastLabelEnd = left + w;
        }
    }
}
