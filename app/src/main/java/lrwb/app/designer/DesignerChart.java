package lrwb.app.designer;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.NextFrame;
import lrwb.app.chart.NumberLabels;
import lrwb.engine.model.MomentumCycling;
import lrwb.engine.schedule.Unit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the ViewModel's curves on a {@link CurveChart}. A change (a slider step, a new length) only marks the
 * curve dirty; once per frame the dirty curves are recomputed at full resolution and handed to the chart,
 * which decimates and draws them in the same frame. Below it, a small chart draws the momentum of the curves that
 * cycle it (cyclic, oneCycle), over the same iterations, and is there only while one of the shown curves does.
 */
final class DesignerChart {
    private final DesignerViewModel vm;
    private final CurveChart chart = new CurveChart("iteration", "learning rate");
    private final CurveChart momentum = new CurveChart("iteration", "momentum", false);
    private final VBox momentumPane;
    /** The momentum plot's height; in the smallest window it gives way down to {@link #MOMENTUM_MIN_HEIGHT}. */
    private static final double MOMENTUM_HEIGHT = 150;
    private static final double MOMENTUM_MIN_HEIGHT = 80;
    private final Map<CurveModel, Plotted> plotted = new IdentityHashMap<>();
    private final Set<CurveModel> dirty = new HashSet<>();
    private final NextFrame update = new NextFrame(this::update);
    private double[] xs = new double[0];
    private boolean xsDirty = true;

    /** A curve on the chart with the listeners that keep it current (removed with it) and its sample buffer. */
    private static final class Plotted {
        final ChartCurve line;
        final InvalidationListener onChange;
        final List<Observable> sources;
        /** The curve's momentum on the momentum chart; empty while it does not cycle momentum. */
        final ChartCurve momentumLine;
        /** Reused between frames: a 100k-step curve is 800 KB, not worth allocating per slider step. */
        double[] lr;
        double[] momentum;
        /** Whether the last samples had a momentum curve. */
        boolean cyclesMomentum;

        Plotted(ChartCurve line, ChartCurve momentumLine, InvalidationListener onChange, List<Observable> sources) {
            this.line = line;
            this.momentumLine = momentumLine;
            this.onChange = onChange;
            this.sources = sources;
        }
    }

    DesignerChart(DesignerViewModel vm) {
        this.vm = vm;
        chart.yAxis().axisScaleProperty().bind(javafx.beans.binding.Bindings.when(vm.logScaleProperty())
                .then(AxisScale.LOG10).otherwise(AxisScale.LINEAR));
        chart.xAxis().quantityProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.xUnitProperty().get() == Unit.EPOCH ? "epoch" : "iteration", vm.xUnitProperty()));
        chart.setXReadout(this::describeX);
        // Below a millionth of the peak a schedule is effectively zero; more decades would flatten the rest.
        chart.yAxis().setMaxDecades(6);
        InvalidationListener all = o -> {
            xsDirty = true;
            dirty.addAll(plotted.keySet());
            update.request();
        };
        vm.xUnitProperty().addListener(all);
        vm.totalStepsProperty().addListener(all);
        vm.stepsPerEpochProperty().addListener(all);
        vm.curves().addListener((ListChangeListener<CurveModel>) c -> sync());

        momentum.setLegendVisible(false); // the LR chart's legend names the same curves in the same colours
        momentum.xAxis().quantityProperty().bind(chart.xAxis().quantityProperty());
        // the same x as the LR chart's just above: no second row of x labels, the room goes to the curve
        momentum.xAxis().labelShownProperty().set(false);
        momentum.xAxis().setTickLabelsVisible(false);
        // short, in a smaller type (workbench.css): the whole title fits the strip in the smallest window; what the
        // cycle drives (momentum or β1) is in the tooltip
        momentum.yAxis().quantityProperty().set("momentum");
        momentum.setXReadout(this::describeX);
        // zooming the LR chart shows the same iterations of the momentum
        InvalidationListener followX = o -> momentum.setXRange(chart.xAxis().getLowerBound(), chart.xAxis().getUpperBound());
        chart.xAxis().lowerBoundProperty().addListener(followX);
        chart.xAxis().upperBoundProperty().addListener(followX);
        Region plot = momentum.node();
        momentum.setMinPlotHeight(MOMENTUM_MIN_HEIGHT);
        plot.setMinHeight(MOMENTUM_MIN_HEIGHT);
        plot.setPrefHeight(MOMENTUM_HEIGHT);
        VBox.setVgrow(plot, javafx.scene.layout.Priority.ALWAYS);
        momentumPane = new VBox(plot);
        // what the cycle drives is said here and in the formula view (a caption line would cost the LR chart its room)
        Tooltip.install(momentumPane, new Tooltip("Momentum, cycled against the LR: " + MomentumCycling.drives()
                + ". A range test keeps the optimizer's own."));
        momentumPane.setId("momentum-chart");
        momentumPane.setVisible(false);
        sync();
    }

    /** The momentum chart with its caption; shown only while a visible curve cycles momentum. */
    Region momentumNode() {
        return momentumPane;
    }

    CurveChart momentumChart() {
        return momentum;
    }

    /**
     * Shows the momentum chart while a visible curve cycles momentum, its y axis around their values: momenta live
     * in a narrow band (0.85 to 0.95), which an axis from 0 would flatten into a line.
     */
    private void fitMomentumAxis(int steps) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<CurveModel, Plotted> e : plotted.entrySet()) {
            Plotted p = e.getValue();
            if (p.cyclesMomentum && e.getKey().visibleProperty().get()) {
                for (int i = 0; i < steps; i++) {
                    min = Math.min(min, p.momentum[i]);
                    max = Math.max(max, p.momentum[i]);
                }
            }
        }
        momentumPane.setVisible(min <= max);
        if (min <= max) {
            double pad = Math.max((max - min) * 0.1, 0.01);
            momentum.setYRange(min - pad, Math.min(1, max + pad));
        }
    }

    Region node() {
        return chart.node();
    }

    CurveChart chart() {
        return chart;
    }

    /** Recomputes and draws what is pending now instead of at the next frame. */
    void flush() {
        update.runPending();
        chart.flush();
        momentum.flush();
    }

    private String describeX(double x) {
        int spe = Math.max(1, vm.stepsPerEpochProperty().get());
        long iteration = vm.xUnitProperty().get() == Unit.EPOCH ? (long) Math.floor(x * spe + 1e-9) : (long) Math.floor(x);
        iteration = Math.max(0, Math.min(vm.totalStepsProperty().get() - 1, iteration));
        return readout(iteration, spe);
    }

    /**
     * The read-out of an update: iterations count from 0 (as DL4J and the files count them), epochs from 1 wherever people
     * read them (iteration 4,989 at 100 a epoch is in epoch 50, by the x = 50 mark), as the Training charts and messages do.
     */
    static String readout(long iteration, int stepsPerEpoch) {
        return "iteration " + NumberLabels.significant(iteration, 9) + "  ·  epoch "
                + NumberLabels.significant(iteration / Math.max(1, stepsPerEpoch) + 1, 9);
    }

    private void sync() {
        List<CurveModel> now = vm.curves();
        for (CurveModel c : new ArrayList<>(plotted.keySet())) {
            if (!now.contains(c)) {
                Plotted p = plotted.remove(c);
                p.sources.forEach(s -> s.removeListener(p.onChange));
                p.line.nameProperty().unbind();
                p.line.colorProperty().unbind();
                p.line.visibleProperty().unbindBidirectional(c.visibleProperty());
                p.momentumLine.colorProperty().unbind();
                p.momentumLine.visibleProperty().unbind();
                chart.removeCurve(p.line);
                momentum.removeCurve(p.momentumLine);
                dirty.remove(c);
            }
        }
        for (CurveModel c : now) {
            if (!plotted.containsKey(c)) {
                ChartCurve line = chart.addCurve();
                line.nameProperty().bind(c.nameProperty());
                line.colorProperty().bind(c.colorProperty());
                line.visibleProperty().bindBidirectional(c.visibleProperty());
                ChartCurve momentumLine = momentum.addCurve(false);
                momentumLine.colorProperty().bind(c.colorProperty());
                momentumLine.visibleProperty().bind(c.visibleProperty());
                InvalidationListener onChange = o -> {
                    dirty.add(c);
                    update.request();
                };
                List<Observable> sources = new ArrayList<>();
                sources.add(c.specProperty());
                sources.add(c.visibleProperty()); // hiding the last curve that cycles momentum hides its chart
                if (c.plateauExample() != null) {
                    sources.add(c.plateauExample().metricsProperty());
                }
                sources.forEach(s -> s.addListener(onChange));
                plotted.put(c, new Plotted(line, momentumLine, onChange, sources));
                dirty.add(c);
            }
        }
        chart.reorder(now.stream().map(c -> plotted.get(c).line).toList());
        momentum.reorder(now.stream().map(c -> plotted.get(c).momentumLine).toList());
        update.request();
    }

    private void update() {
        int steps = vm.totalStepsProperty().get();
        if (xsDirty || xs.length != steps) {
            int spe = Math.max(1, vm.stepsPerEpochProperty().get());
            boolean epochs = vm.xUnitProperty().get() == Unit.EPOCH;
            xs = new double[steps];
            for (int i = 0; i < steps; i++) {
                xs[i] = epochs ? (double) i / spe : i;
            }
            xsDirty = false;
            chart.setXRange(0, epochs ? (double) steps / spe : steps);
        }
        for (CurveModel c : dirty) {
            Plotted p = plotted.get(c);
            if (p != null) {
                p.lr = vm.samples(c, p.lr);
                p.line.setData(xs, p.lr, steps);
                double[] m = vm.momentumSamples(c, p.momentum);
                p.cyclesMomentum = m != null;
                if (m != null) {
                    p.momentum = m;
                }
                p.momentumLine.setData(xs, m == null ? new double[0] : m, m == null ? 0 : steps);
            }
        }
        dirty.clear();
        fitMomentumAxis(steps);
        chart.flush();
        momentum.flush();
    }
}
