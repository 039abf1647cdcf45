package lrwb.app.chart;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;

/**
 * One entry per curve: its colour and name; pressing an entry shows or hides the curve (so the legend is also
 * a keyboard-reachable visibility switch).
 */
final class ChartLegend {
    private final FlowPane pane = new FlowPane(12, 4);
    private final ObservableList<ChartCurve> curves;

    ChartLegend(ObservableList<ChartCurve> curves) {
        this.curves = curves;
        pane.getStyleClass().add("chart-legend-bar");
        curves.addListener((ListChangeListener<ChartCurve>) change -> rebuild());
        rebuild();
    }

    FlowPane node() {
        return pane;
    }

    private void rebuild() {
        pane.getChildren().forEach(n -> {
            ToggleButton b = (ToggleButton) n;
            ChartCurve c = (ChartCurve) b.getUserData();
            b.selectedProperty().unbindBidirectional(c.visibleProperty());
            b.textProperty().unbind();
            ((Line) b.getGraphic()).strokeProperty().unbind();
            @SuppressWarnings("unchecked")
            ChangeListener<LineStyle> restyle = (ChangeListener<LineStyle>) b.getProperties().get(LineStyle.class);
            c.lineStyleProperty().removeListener(restyle);
        });
        pane.getChildren().clear();
        for (ChartCurve c : curves) {
            if (!c.isInLegend()) {
                continue;
            }
            Line swatch = new Line(0, 0, 18, 0);
            swatch.strokeProperty().bind(c.colorProperty());
            styleSwatch(swatch, c.lineStyleProperty().get());
            ChangeListener<LineStyle> restyle = (o, was, now) -> styleSwatch(swatch, now);
            c.lineStyleProperty().addListener(restyle);
            ToggleButton b = new ToggleButton();
            b.getProperties().put(LineStyle.class, restyle);
            b.setGraphic(swatch);
            b.textProperty().bind(c.nameProperty());
            b.selectedProperty().bindBidirectional(c.visibleProperty());
            b.setUserData(c);
            b.getStyleClass().add("chart-legend-entry");
            b.setTooltip(new Tooltip("Show or hide this curve"));
            pane.getChildren().add(b);
        }
    }

    private static void styleSwatch(Line swatch, LineStyle style) {
        (style == null ? LineStyle.SOLID : style).applyTo(swatch);
    }
}
