package lrwb.app.runs;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.NumberLabels;
import lrwb.app.text.DistinctNames;

import java.util.List;

/**
 * The selected runs on shared axes: validation accuracy and validation loss per epoch, and the LR per
 * iteration (range tests included), one colour per run and a legend naming each.
 */
final class ComparisonCharts {
    private final CurveChart accuracy = new CurveChart("epoch", "validation accuracy");
    private final CurveChart loss = new CurveChart("epoch", "validation loss");
    private final CurveChart lr = new CurveChart("iteration", "learning rate");
    private final GridPane grid = new GridPane();

    ComparisonCharts(ObservableList<ComparedRun> runs) {
        lr.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        accuracy.yAxis().setHeadroom(false); // accuracy lives in [0, 1]
        lr.yAxis().setMaxDecades(8);
        accuracy.setXReadout(v -> "epoch " + Math.round(v));
        loss.setXReadout(v -> "epoch " + Math.round(v));
        lr.setXReadout(v -> "iteration " + NumberLabels.significant(Math.round(v), 9));
        accuracy.setYReadout(v -> NumberLabels.significant(v, 4));
        loss.setYReadout(v -> NumberLabels.significant(v, 4));
        accuracy.node().setId("compare-accuracy");
        loss.node().setId("compare-loss");
        lr.node().setId("compare-lr");
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        grid.add(accuracy.node(), 0, 0);
        grid.add(loss.node(), 1, 0);
        grid.add(lr.node(), 2, 0);
        grid.setHgap(8);
        for (Region r : List.of(accuracy.node(), loss.node(), lr.node())) {
            GridPane.setVgrow(r, Priority.ALWAYS);
            GridPane.setHgrow(r, Priority.ALWAYS);
        }
        runs.addListener((ListChangeListener<ComparedRun>) c -> show(runs));
        show(runs);
    }

    Region node() {
        return grid;
    }

    List<CurveChart> charts() {
        return List.of(accuracy, loss, lr);
    }

    void flush() {
        charts().forEach(CurveChart::flush);
    }

    private void show(List<ComparedRun> runs) {
        for (CurveChart chart : charts()) {
            for (ChartCurve c : List.copyOf(chart.curves())) {
                chart.removeCurve(c);
            }
        }
        int epochs = 1;
        // Legends name what differs between the runs ("cosine 0.1" vs "step 0.2"), not the shared rest.
        List<String> names = DistinctNames.of(runs.stream().map(ComparedRun::name).toList());
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun r = runs.get(i);
            String name = names.get(i) + (r.rangeTest() ? " (range test)" : "");
            if (!r.rangeTest()) {
                add(accuracy, r, name, r.epochs(), r.valAccuracy());
                add(loss, r, name, r.epochs(), r.valLoss());
                epochs = Math.max(epochs, r.epochs().length);
            }
            add(lr, r, name, r.iterations(), r.lr());
        }
        accuracy.setXRange(1, Math.max(2, epochs));
        loss.setXRange(1, Math.max(2, epochs));
    }

    private static void add(CurveChart chart, ComparedRun run, String name, double[] x, double[] y) {
        ChartCurve c = chart.addCurve();
        c.nameProperty().set(name);
        c.colorProperty().set(run.color());
        c.setData(x, y, Math.min(x.length, y.length));
    }
}
