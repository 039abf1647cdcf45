package lrwb.app.sweeps;

import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartBand;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.ChartMarker;
import lrwb.app.chart.ChartPoint;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.CurveColors;
import lrwb.app.chart.NumberLabels;

import java.util.List;

/**
 * The LR sensitivity chart: the chosen metric against the LR on a log axis, a line with a dot per measured LR for each
 * curve of {@link SensitivityCurves}, the min–max band over the seeds behind it, a cross on the top edge at the LR of
 * each diverged cell, and the matching range tests' suggestions as vertical lines.
 */
final class SensitivityChart {
    private final SweepsViewModel vm;
    private final CurveChart chart = new CurveChart("learning rate (peak of the schedule)", "final validation loss");

    SensitivityChart(SweepsViewModel vm) {
        this.vm = vm;
        chart.xAxis().axisScaleProperty().set(AxisScale.LOG10);
        chart.setXReadout(v -> "lr " + NumberLabels.significant(v, 3));
        chart.setYReadout(v -> NumberLabels.significant(v, 4));
        chart.node().setId("sweep-sensitivity");
        vm.curves().addListener((ListChangeListener<SensitivityCurves.Curve>) c -> show());
        vm.rangeTests().addListener((ListChangeListener<RangeTestMatch>) c -> show());
        show();
    }

    Region node() {
        return chart.node();
    }

    CurveChart chart() {
        return chart;
    }

    private void show() {
        for (ChartCurve c : List.copyOf(chart.curves())) {
            chart.removeCurve(c);
        }
        chart.bands().clear();
        chart.points().clear();
        chart.markers().clear();
        SweepMetric metric = vm.metricProperty().get();
        chart.yAxis().quantityProperty().set(metric.toString());
        // accuracy lives in [0, 1]; a loss spans decades between a good LR and a bad one
        chart.yAxis().axisScaleProperty().set(metric.isLoss() ? AxisScale.LOG10 : AxisScale.LINEAR);
        chart.yAxis().setHeadroom(metric.isLoss());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<SensitivityCurves.Curve> curves = vm.curves();
        for (int i = 0; i < curves.size(); i++) {
            SensitivityCurves.Curve c = curves.get(i);
            Color color = CurveColors.PALETTE.get(i % CurveColors.PALETTE.size());
            ChartCurve line = chart.addCurve();
            line.nameProperty().set(c.name());
            line.colorProperty().set(color);
            line.setData(c.lr(), c.mean(), c.lr().length);
            chart.bands().add(new ChartBand(c.lr(), c.min(), c.max(), color));
            for (int k = 0; k < c.lr().length; k++) {
                chart.points().add(new ChartPoint(c.lr()[k], c.mean()[k], color, ChartPoint.Shape.DOT));
                lo = Math.min(lo, c.lr()[k]);
                hi = Math.max(hi, c.lr()[k]);
            }
            for (double lr : c.diverged()) {
                chart.points().add(new ChartPoint(lr, Double.NaN, color, ChartPoint.Shape.CROSS));
                lo = Math.min(lo, lr);
                hi = Math.max(hi, lr);
            }
        }
        // each range test's suggestions in the colour of the (first) curve it matches; the colour says whose they are
        java.util.Set<RangeTestMatch> drawn = new java.util.HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            RangeTestMatch m = vm.rangeTestOf(curves.get(i));
            if (m == null || !drawn.add(m)) {
                continue;
            }
            Color color = CurveColors.PALETTE.get(i % CurveColors.PALETTE.size());
            if (m.suggestions().steepest() != null) {
                chart.markers().add(new ChartMarker(m.suggestions().steepest(),
                        "steepest " + NumberLabels.significant(m.suggestions().steepest(), 2), color));
            }
            if (m.suggestions().valley() != null) {
                chart.markers().add(new ChartMarker(m.suggestions().valley(),
                        "valley " + NumberLabels.significant(m.suggestions().valley(), 2), color));
            }
        }
        // left to right, so the marker layer moves a label down a row when it would run into the one before
        List<ChartMarker> sorted = new java.util.ArrayList<>(chart.markers());
        sorted.sort(java.util.Comparator.comparingDouble(ChartMarker::x));
        chart.markers().setAll(sorted);
        // the x axis spans the sweep's LRs (diverged ones included) and the suggestions, with a little room at each end
        for (ChartMarker m : chart.markers()) {
            lo = Math.min(lo, m.x());
            hi = Math.max(hi, m.x());
        }
        if (lo <= hi && lo > 0) {
            chart.setXRange(lo / 1.5, hi * 1.5);
        } else {
            chart.setXRange(Double.NaN, Double.NaN);
        }
    }
}
