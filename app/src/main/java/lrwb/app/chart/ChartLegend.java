package lrwb.app.chart;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;

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
            ((Rectangle) b.getGraphic()).fillProperty().unbind();
        });
        pane.getChildren().clear();
        for (ChartCurve c : curves) {
            Rectangle swatch = new Rectangle(18, 4);
            swatch.fillProperty().bind(c.colorProperty());
            ToggleButton b = new ToggleButton();
            b.setGraphic(swatch);
            b.textProperty().bind(c.nameProperty());
            b.selectedProperty().bindBidirectional(c.visibleProperty());
            b.setUserData(c);
            b.getStyleClass().add("chart-legend-entry");
            b.setTooltip(new Tooltip("Show or hide this curve"));
            pane.getChildren().add(b);
        }
    }
}
