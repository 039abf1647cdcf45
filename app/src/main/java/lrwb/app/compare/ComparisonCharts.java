package lrwb.app.compare;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.ChartMarker;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.NumberLabels;
import lrwb.app.text.DistinctNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The selected runs on shared axes, one colour per run and a legend naming each. Training runs: validation accuracy,
 * loss per epoch (validation solid, training dashed beside it) and the LR per iteration. Range tests: their smoothed
 * loss against the LR on a log axis, with each test's suggestions marked in its colour, which is what a range
 * test is compared by (their LR ramps are the same line). Only the charts the selection has data for are shown.
 */
public final class ComparisonCharts {
    private final CurveChart accuracy = new CurveChart("epoch", "validation accuracy");
    /** Solid lines are validation; the title says only the dashed, so that it fits the axis in the smallest window. */
    private final CurveChart loss = new CurveChart("epoch", "loss (dashed: training)");
    private final CurveChart lr = new CurveChart("iteration", "learning rate");
    private final CurveChart range = new CurveChart("learning rate", "smoothed loss");
    private final GridPane grid = new GridPane();
    private final List<ChartMarker> markers = new ArrayList<>();

    public ComparisonCharts(ObservableList<ComparedRun> runs) {
        lr.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        range.xAxis().axisScaleProperty().set(AxisScale.LOG10);
        accuracy.yAxis().setHeadroom(false); // accuracy lives in [0, 1]
        lr.yAxis().setMaxDecades(8);
        accuracy.setXReadout(v -> "epoch " + Math.round(v));
        loss.setXReadout(v -> "epoch " + Math.round(v));
        lr.setXReadout(v -> "iteration " + NumberLabels.significant(Math.round(v), 9));
        range.setXReadout(v -> "lr " + NumberLabels.significant(v, 3));
        accuracy.setYReadout(v -> NumberLabels.significant(v, 4));
        loss.setYReadout(v -> NumberLabels.significant(v, 4));
        range.setYReadout(v -> NumberLabels.significant(v, 4));
        accuracy.node().setId("compare-accuracy");
        loss.node().setId("compare-loss");
        lr.node().setId("compare-lr");
        range.node().setId("compare-range");
        grid.setHgap(8);
        for (Region r : List.of(accuracy.node(), loss.node(), lr.node(), range.node())) {
            GridPane.setVgrow(r, Priority.ALWAYS);
            GridPane.setHgrow(r, Priority.ALWAYS);
            r.setMinWidth(0); // four charts share the width; they never push the window wider than it is
        }
        runs.addListener((ListChangeListener<ComparedRun>) c -> show(runs));
        show(runs);
    }

    public Region node() {
        return grid;
    }

    /** The charts on show, left to right. */
    public List<CurveChart> charts() {
        List<CurveChart> shown = new ArrayList<>();
        for (javafx.scene.Node n : grid.getChildren()) {
            for (CurveChart c : List.of(accuracy, loss, lr, range)) {
                if (c.node() == n) {
                    shown.add(c);
                }
            }
        }
        return shown;
    }

    public void flush() {
        List.of(accuracy, loss, lr, range).forEach(CurveChart::flush);
    }

    private void show(List<ComparedRun> runs) {
        for (CurveChart chart : List.of(accuracy, loss, lr, range)) {
            for (ChartCurve c : List.copyOf(chart.curves())) {
                chart.removeCurve(c);
            }
        }
        range.markers().removeAll(markers);
        markers.clear();
        int epochs = 1;
        boolean anyTraining = false;
        boolean anyRange = false;
        // Legends name what differs between the runs ("cosine 0.1" vs "step 0.2"), not the shared rest.
        List<String> names = DistinctNames.of(runs.stream().map(ComparedRun::name).toList());
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun r = runs.get(i);
            String name = names.get(i);
            if (r.rangeTest()) {
                anyRange = true;
                add(range, r, name, r.lr(), r.rangeLoss(), LineStyle.SOLID, true);
                mark(r);
            } else {
                anyTraining = true;
                add(accuracy, r, name, r.epochs(), r.valAccuracy(), LineStyle.SOLID, true);
                add(loss, r, name, r.epochs(), r.valLoss(), LineStyle.SOLID, true);
                add(loss, r, name + " (training)", r.epochs(), r.trainLoss(), LineStyle.DASHED, false);
                add(lr, r, name, r.iterations(), r.lr(), LineStyle.SOLID, true);
                epochs = Math.max(epochs, r.epochs().length);
            }
        }
        accuracy.setXRange(1, Math.max(2, epochs));
        loss.setXRange(1, Math.max(2, epochs));
        List<CurveChart> shown = new ArrayList<>();
        if (anyTraining || !anyRange) {
            shown.addAll(List.of(accuracy, loss, lr));
        }
        if (anyRange) {
            shown.add(range);
        }
        layOut(shown);
    }

    /** The range test's suggestions as vertical lines in its colour: where the loss fell fastest, the valley, min ÷ 10. */
    private void mark(ComparedRun r) {
        if (r.suggestions() == null) {
            return;
        }
        Color c = r.color();
        if (r.suggestions().steepest() != null) {
            markers.add(range.addMarker(r.suggestions().steepest(), "steepest " + NumberLabels.significant(r.suggestions().steepest(), 3), c));
        }
        if (r.suggestions().valley() != null) {
            markers.add(range.addMarker(r.suggestions().valley(), "valley " + NumberLabels.significant(r.suggestions().valley(), 3), c));
        }
    }

    private void layOut(List<CurveChart> shown) {
        if (charts().equals(shown)) {
            return;
        }
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int i = 0; i < shown.size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / shown.size());
            c.setHgrow(Priority.ALWAYS);
            c.setMinWidth(0);
            grid.getColumnConstraints().add(c);
            grid.add(shown.get(i).node(), i, 0);
        }
    }

    private static void add(CurveChart chart, ComparedRun run, String name, double[] x, double[] y, LineStyle style, boolean inLegend) {
        ChartCurve c = chart.addCurve(inLegend);
        c.nameProperty().set(name);
        c.colorProperty().set(run.color());
        c.lineStyleProperty().set(style);
        c.setData(x, y, Math.min(x.length, y.length));
    }
}
