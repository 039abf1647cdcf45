package lrwb.app.designer;

import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.CurveChart;
import lrwb.engine.schedule.PlateauSchedule;

/**
 * The example metric of a plateau schedule: a small chart of one value per epoch that the user drags into
 * shape, the same values as editable text, and a button for a typical curve. The main chart shows the LR the
 * plateau rule gives on it.
 */
final class PlateauExampleView {
    private PlateauExampleView() {
    }

    static VBox build(CurveModel curve, DesignerViewModel vm) {
        PlateauExample example = curve.plateauExample();
        String metric = ((PlateauSchedule) curve.spec()).monitor().json();
        Label title = new Label("Example " + metric + " per epoch");
        title.getStyleClass().add("form-section");
        Label hint = new Label("Plateau reacts to a metric. Drag the points or edit the values to see when it cuts the LR.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        CurveChart chart = new CurveChart("epoch", metric);
        chart.setLegendVisible(false);
        ChartCurve line = chart.addCurve();
        line.nameProperty().set(metric);
        line.colorProperty().set(curve.colorProperty().get().darker());
        Runnable plot = () -> {
            double[] m = example.metrics();
            double[] x = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                x[i] = i;
            }
            line.setData(x, m, m.length);
        };
        example.metricsProperty().addListener((o, a, b) -> plot.run());
        plot.run();
        Region chartNode = chart.node();
        chartNode.setPrefHeight(190);
        chartNode.setMinHeight(150);
        chartNode.setId("plateau-example-chart");
        // Dragging sets the value of the epoch under the pointer to the height of the pointer.
        chart.plotNode().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> drag(chart, example, e));
        chart.plotNode().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drag(chart, example, e));

        TextArea values = new TextArea();
        values.setWrapText(true);
        values.setPrefRowCount(3);
        values.textProperty().bindBidirectional(example.textProperty());
        values.setId("plateau-example-values");
        values.setAccessibleText("example metric values, one per epoch");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(example.errorProperty());
        error.visibleProperty().bind(example.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button typical = new Button("Typical curve");
        typical.setTooltip(new Tooltip("Replace the example by a typical " + metric + " curve over the chart's epochs"));
        typical.setOnAction(e -> example.generate(vm.epochsProperty().get(),
                ((PlateauSchedule) curve.spec()).mode() == PlateauSchedule.Mode.MAX));
        VBox box = new VBox(6, title, hint, chartNode, values, error, new HBox(6, typical));
        box.getStyleClass().add("plateau-example");
        return box;
    }

    private static void drag(CurveChart chart, PlateauExample example, MouseEvent e) {
        Point2D xLocal = chart.xAxis().sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D yLocal = chart.yAxis().sceneToLocal(e.getSceneX(), e.getSceneY());
        int epoch = (int) Math.round(chart.xAxis().valueAtDisplay(xLocal.getX()));
        double value = chart.yAxis().valueAtDisplay(yLocal.getY());
        example.setMetric(epoch, Math.max(0, value));
        e.consume();
    }
}
