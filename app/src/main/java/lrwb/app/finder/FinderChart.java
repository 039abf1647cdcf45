package lrwb.app.finder;

import javafx.collections.ListChangeListener;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.CurveColors;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.NumberLabels;
import lrwb.app.chart.PlotOverlay;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.Suggestions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Finder's charts: loss (the training minibatch's, or the validation set's for a run labelled "val loss") against the learning rate on decades (raw loss faint, smoothed loss bold, one
 * colour per run), the suggestions as labelled markers, the cyclic bounds as a band with draggable edges, a
 * marker where the loss diverged; and under it a small chart of the LR against the iteration.
 */
final class FinderChart {
    private final FinderViewModel vm;
    private final CurveChart loss = new CurveChart("learning rate", "loss");
    private final CurveChart sweep = new CurveChart("iteration", "LR");
    private final Map<FinderRun, RunCurves> curves = new HashMap<>();
    private final PlotOverlay.Marker steepest;
    private final PlotOverlay.Marker valley;
    private final PlotOverlay.Marker slide;
    private final PlotOverlay.Marker minimum10;
    private final PlotOverlay.Marker diverged;
    private final PlotOverlay.Band bounds;
    private final VBox root;

    /** A run's lines and the arrays they draw, grown as points arrive. */
    private final class RunCurves {
        final ChartCurve raw = loss.addCurve(false);
        final ChartCurve smoothed = loss.addCurve();
        final ChartCurve lr = sweep.addCurve();
        double[] lrs = new double[256];
        double[] losses = new double[256];
        double[] smooth = new double[256];
        double[] iterations = new double[256];
        int size;

        RunCurves(FinderRun run, Color color) {
            raw.lineStyleProperty().set(LineStyle.FAINT);
            for (ChartCurve c : List.of(raw, smoothed, lr)) {
                c.colorProperty().set(color);
            }
            smoothed.nameProperty().set(run.label());
            raw.nameProperty().set(run.label() + " (raw)");
            lr.nameProperty().set(run.label());
            append(run.points());
            run.points().addListener((ListChangeListener<RangePoint>) change -> {
                while (change.next()) {
                    if (change.wasAdded()) {
                        append(change.getAddedSubList());
                    }
                }
            });
        }

        void append(List<? extends RangePoint> points) {
            if (size + points.size() > lrs.length) {
                int capacity = Math.max(lrs.length * 2, size + points.size());
                lrs = java.util.Arrays.copyOf(lrs, capacity);
                losses = java.util.Arrays.copyOf(losses, capacity);
                smooth = java.util.Arrays.copyOf(smooth, capacity);
                iterations = java.util.Arrays.copyOf(iterations, capacity);
            }
            for (RangePoint p : points) {
                if (!Double.isFinite(p.loss()) || !Double.isFinite(p.smoothed())) {
                    continue; // a NaN or infinite loss has no place on the axis; the divergence marker shows it
                }
                lrs[size] = p.lr();
                losses[size] = p.loss();
                smooth[size] = p.smoothed();
                iterations[size] = p.iteration();
                size++;
            }
            raw.setData(lrs, losses, size);
            smoothed.setData(lrs, smooth, size);
            lr.setData(iterations, lrs, size);
            fitLossAxis();
        }

        double smoothedMax() {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                m = Math.max(m, smooth[i]);
            }
            return m;
        }

        double smoothedMin() {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                m = Math.min(m, smooth[i]);
            }
            return m;
        }

        void remove() {
            loss.removeCurve(raw);
            loss.removeCurve(smoothed);
            sweep.removeCurve(lr);
        }
    }

    FinderChart(FinderViewModel vm) {
        this.vm = vm;
        loss.xAxis().axisScaleProperty().set(AxisScale.LOG10);
        loss.setXReadout(v -> "lr " + NumberLabels.significant(v, 3));
        loss.setYReadout(v -> NumberLabels.significant(v, 4));
        loss.legend().setMaxRows(3); // several runs overlaid: a row more before the legend scrolls
        sweep.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        sweep.setLegendVisible(false);
        sweep.setYReadout(v -> "lr " + NumberLabels.significant(v, 3));
        // Tall enough for a readable plot under its x axis, at the smallest window too.
        sweep.node().setMinHeight(195);
        sweep.node().setPrefHeight(195);
        sweep.node().setMaxHeight(195);

        PlotOverlay overlay = loss.overlay();
        bounds = overlay.addBand(vm.lowerBoundProperty(), vm.upperBoundProperty(), v -> NumberLabels.significant(v, 3));
        steepest = overlay.addMarker("marker-steepest");
        valley = overlay.addMarker("marker-valley");
        slide = overlay.addMarker("marker-slide");
        minimum10 = overlay.addMarker("marker-minimum10");
        diverged = overlay.addMarker("marker-diverged");

        vm.runs().addListener((ListChangeListener<FinderRun>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(r -> {
                    RunCurves c = curves.remove(r);
                    if (c != null) {
                        c.remove();
                        fitLossAxis();
                        fitEmptyLrAxis();
                    }
                });
                change.getAddedSubList().forEach(this::add);
            }
        });
        vm.runs().forEach(this::add);
        vm.currentProperty().addListener((o, a, b) -> showMarkers());
        // An empty chart spans the sweep the form would run (1e-7 to 10 by default), not a made-up 0.1 to 10.
        for (var field : List.of(vm.startLr(), vm.endLr())) {
            field.textProperty().addListener((o, a, b) -> fitEmptyLrAxis());
        }
        fitEmptyLrAxis();
        root = new VBox(6, loss.node(), sweep.node());
        VBox.setVgrow(loss.node(), Priority.ALWAYS);
        root.setMinSize(0, 0);
    }

    /**
     * The loss axis follows the smoothed curves: raw minibatch losses spike far above them near divergence and
     * would squash the part that matters into a flat line at the bottom.
     */
    private void fitLossAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RunCurves c : curves.values()) {
            if (c.size > 0) {
                lo = Math.min(lo, c.smoothedMin());
                hi = Math.max(hi, c.smoothedMax());
            }
        }
        if (lo < hi) {
            double margin = 0.08 * (hi - lo);
            loss.setYRange(Math.max(0, lo - margin), hi + margin);
        } else {
            loss.setYRange(Double.NaN, Double.NaN);
        }
    }

    /** With no run on the chart, the LR axis shows the form's sweep range; with runs, it fits them. */
    private void fitEmptyLrAxis() {
        if (!curves.isEmpty()) {
            loss.setXRange(Double.NaN, Double.NaN);
            return;
        }
        double start = positive(vm.startLr().text(), 1e-7);
        double end = positive(vm.endLr().text(), 10);
        if (!(end > start)) {
            start = 1e-7;
            end = 10;
        }
        loss.setXRange(start, end);
    }

    private static double positive(String text, double otherwise) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) && v > 0 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The colour of a run's curves (the band and the suggestions' swatch take it). */
    Color colorOf(FinderRun run) {
        RunCurves c = curves.get(run);
        return c == null ? Color.GRAY : c.smoothed.colorProperty().get();
    }

    private void add(FinderRun run) {
        List<Color> used = new ArrayList<>();
        curves.values().forEach(c -> used.add(c.smoothed.colorProperty().get()));
        curves.put(run, new RunCurves(run, CurveColors.next(used)));
        fitEmptyLrAxis();
        run.suggestionsProperty().addListener((o, a, b) -> showMarkers());
        run.resultProperty().addListener((o, a, b) -> showMarkers());
        showMarkers();
    }

    private void showMarkers() {
        FinderRun run = vm.currentProperty().get();
        bounds.setColor(run == null || !curves.containsKey(run) ? null : colorOf(run));
        Suggestions s = run == null ? null : run.suggestions();
        mark(steepest, s == null ? null : s.steepest(), "steepest");
        mark(valley, s == null ? null : s.valley(), "valley");
        mark(slide, s == null ? null : s.slide(), "slide");
        mark(minimum10, s == null ? null : s.minimum10(), "minimum ÷ 10");
        RangeTestResult r = run == null ? null : run.resultProperty().get();
        if (r != null && r.diverged() && !r.points().isEmpty()) {
            RangePoint last = r.points().get(r.points().size() - 1);
            diverged.valueProperty().set(last.lr());
            diverged.pointYProperty().set(Double.isFinite(last.smoothed()) ? last.smoothed() : Double.NaN);
            diverged.textProperty().set("diverged at " + NumberLabels.significant(last.lr(), 3));
        } else {
            diverged.valueProperty().set(Double.NaN);
        }
    }

    private static void mark(PlotOverlay.Marker marker, Double value, String name) {
        marker.valueProperty().set(value == null ? Double.NaN : value);
        marker.textProperty().set(value == null ? "" : name + " " + NumberLabels.significant(value, 3));
    }

    Region node() {
        return root;
    }

    CurveChart lossChart() {
        return loss;
    }

    PlotOverlay.Band bounds() {
        return bounds;
    }

    void flush() {
        loss.flush();
        sweep.flush();
    }
}
