package lrwb.app.training;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.ChartMarker;
import lrwb.app.chart.ChartTiles;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.LegendBar;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.NumberLabels;
import lrwb.app.chart.ScaledAxis;
import lrwb.app.chart.Smoothing;
import lrwb.app.text.DistinctNames;
import lrwb.engine.train.TrainingEvent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three live charts of a list of runs: LR vs iteration (overrides and plateau reductions marked), loss vs
 * iteration (per batch faint, smoothed solid) and, per epoch, train (dotted) and validation (dashed) loss and
 * accuracy. Each run keeps its colour on every chart; one legend above the charts names the runs and shows or
 * hides all of a run's curves at once, and a key of the line styles shows or hides each kind of curve. Each
 * chart has a title (with its log-axis switch) instead of a y-axis label, so the plots keep the width.
 *
 * <p>Curves are handed the runs' primitive arrays once per frame in which the run grew; the charts decimate
 * them. The smoothed loss is TensorBoard's debiased moving average of the per-batch loss, with the weight of
 * {@link #smoothingProperty()}. The x axes end where the runs' records end; a live run's axis runs a little
 * ahead of its last point, up to its plan.
 */
public final class TrainingCharts {
    /** TensorBoard's smoothing slider reaches 0.99; beyond, the curve lags by hundreds of points. */
    public static final double MAX_SMOOTHING = 0.99;
    public static final double DEFAULT_SMOOTHING = 0.9;
    /** Even a cosine schedule decaying to zero stays in view down to a billionth of its peak. */
    private static final double LR_DECADES = 10;

    private final CurveChart lr = new CurveChart("iteration", "learning rate");
    private final CurveChart loss = new CurveChart("iteration", "loss");
    private final CurveChart accuracy = new CurveChart("epoch", "accuracy");
    private final ChartTiles tiles;
    private final LegendBar legend = new LegendBar();
    private final VBox root;
    private final Map<TrainingRun, Plotted> plotted = new IdentityHashMap<>();
    private final ObservableList<TrainingRun> runs;
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", DEFAULT_SMOOTHING);

    /** The key: which kinds of curve are shown (each kind for every run). */
    private final BooleanProperty batchShown = new SimpleBooleanProperty(true);
    private final BooleanProperty smoothedShown = new SimpleBooleanProperty(true);
    private final BooleanProperty trainEpochShown = new SimpleBooleanProperty(true);
    private final BooleanProperty valEpochShown = new SimpleBooleanProperty(true);
    private final ToggleButton logLr = new ToggleButton("log");
    private final ToggleButton logLoss = new ToggleButton("log");

    /** Epochs already handed to a run's epoch curves: they change once per epoch, not every frame. */
    private final Map<TrainingRun, Integer> epochsShown = new IdentityHashMap<>();
    private double shownIterations = Double.NaN;
    private int shownEpochs;

    /** One run's curves and markers, and the listeners to drop with them. */
    private record Plotted(BooleanProperty shown, StringProperty name, LegendBar.Entry entry, ChartCurve lr,
                           ChartCurve batchLoss, ChartCurve smoothedLoss, Smoothing smoother, ChartCurve epochTrainLoss,
                           ChartCurve epochValLoss, ChartCurve trainAccuracy, ChartCurve valAccuracy,
                           List<ChartMarker> markers, InvalidationListener onRevision, InvalidationListener onRename,
                           ListChangeListener<TrainingEvent> onMark) {
        List<ChartCurve> curves() {
            return List.of(lr, batchLoss, smoothedLoss, epochTrainLoss, epochValLoss, trainAccuracy, valAccuracy);
        }
    }

    public TrainingCharts(ObservableList<TrainingRun> runs) {
        this.runs = runs;
        lr.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        lr.yAxis().setMaxDecades(LR_DECADES);
        lr.setXReadout(this::iterationText);
        loss.setXReadout(this::iterationText);
        accuracy.setXReadout(v -> "epoch " + NumberLabels.significant(Math.round(v), 6));
        accuracy.setYReadout(v -> NumberLabels.significant(v, 4));
        loss.setYReadout(v -> NumberLabels.significant(v, 4));
        lr.setYReadout(v -> "lr " + NumberLabels.significant(v, 3));
        // Accuracy lives in [0, 1]: the frame is that range, not a tick above it.
        accuracy.yAxis().setHeadroom(false);
        for (CurveChart c : charts()) {
            // The one legend above the charts names the runs; each chart's title says what its y axis is.
            c.setLegendVisible(false);
            c.yAxis().labelShownProperty().set(false);
        }
        lr.node().setId("chart-lr");
        loss.node().setId("chart-loss");
        accuracy.node().setId("chart-accuracy");

        logLr.setSelected(true);
        logLr.setId("train-log-lr");
        logLr.setTooltip(new Tooltip("Learning rate in decades"));
        logLr.selectedProperty().addListener((o, a, on) -> lr.yAxis().axisScaleProperty().set(on ? AxisScale.LOG10 : AxisScale.LINEAR));
        logLoss.setId("train-log-loss");
        logLoss.setTooltip(new Tooltip("Loss in decades"));
        logLoss.selectedProperty().addListener((o, a, on) -> loss.yAxis().axisScaleProperty().set(on ? AxisScale.LOG10 : AxisScale.LINEAR));

        tiles = new ChartTiles(card(loss, "Loss", logLoss), card(lr, "Learning rate", logLr), card(accuracy, "Accuracy", null));
        tiles.setId("train-charts");
        VBox.setVgrow(tiles, Priority.ALWAYS);
        legend.node().setId("train-legend");
        root = new VBox(4, legend.node(), tiles);
        root.getStyleClass().add("training-charts");
        root.setMinSize(0, 0);

        smoothing.addListener((o, a, b) -> plotted.forEach((run, p) -> {
            p.smoother().setWeight(b.doubleValue());
            RunSeries s = run.series();
            p.smoothedLoss().setData(s.iterations(), p.smoother().apply(s.loss(), s.size()), s.size());
        }));
        runs.addListener((ListChangeListener<TrainingRun>) c -> sync());
        sync();
    }

    /** A chart under its title, with the title's switches at the right. */
    private static VBox card(CurveChart chart, String title, ToggleButton log) {
        Label name = new Label(title);
        name.getStyleClass().add("chart-title");
        HBox head = new HBox(6, name);
        head.setAlignment(Pos.CENTER_LEFT);
        if (log != null) {
            log.getStyleClass().add("chart-title-toggle");
            head.getChildren().add(log);
        }
        VBox card = new VBox(0, head, chart.node());
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        card.setMinSize(0, 0);
        card.getStyleClass().add("chart-card");
        return card;
    }

    /** The legend of the runs and the three charts: what to put in a layout (and to export). */
    public Region node() {
        return root;
    }

    public CurveChart lrChart() {
        return lr;
    }

    public CurveChart lossChart() {
        return loss;
    }

    public CurveChart accuracyChart() {
        return accuracy;
    }

    public LegendBar legend() {
        return legend;
    }

    public ChartTiles tiles() {
        return tiles;
    }

    /** The smoothing weight of the loss curves, 0 (raw) to {@link #MAX_SMOOTHING}. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** The per-batch loss (faint) of every run: shown or not. */
    public BooleanProperty batchLossShownProperty() {
        return batchShown;
    }

    public BooleanProperty smoothedLossShownProperty() {
        return smoothedShown;
    }

    public BooleanProperty trainPerEpochShownProperty() {
        return trainEpochShown;
    }

    public BooleanProperty validationShownProperty() {
        return valEpochShown;
    }

    /** The charts, e.g. to draw what is pending before a snapshot. */
    public List<CurveChart> charts() {
        return List.of(lr, loss, accuracy);
    }

    /** Draws what is pending now (before a snapshot, in tests). */
    public void flush() {
        charts().forEach(CurveChart::flush);
    }

    /** Whether a run's curves are shown (its legend entry); false for a run not on the charts. */
    public boolean isShown(TrainingRun run) {
        Plotted p = plotted.get(run);
        return p != null && p.shown().get();
    }

    public void setShown(TrainingRun run, boolean shown) {
        Plotted p = plotted.get(run);
        if (p != null) {
            p.shown().set(shown);
        }
    }

    private String iterationText(double x) {
        long it = Math.max(0, Math.round(x));
        int spe = runs.isEmpty() ? 1 : Math.max(1, runs.get(0).series().stepsPerEpoch());
        boolean sameEpochs = runs.stream().allMatch(r -> r.series().stepsPerEpoch() == spe);
        return "iteration " + NumberLabels.significant(it, 9) + (sameEpochs ? " · epoch " + (it / spe + 1) : "");
    }

    private void sync() {
        for (TrainingRun r : List.copyOf(plotted.keySet())) {
            if (!runs.contains(r)) {
                drop(r);
            }
        }
        for (TrainingRun r : runs) {
            if (!plotted.containsKey(r)) {
                plot(r);
            }
        }
        List<String> names = DistinctNames.of(runs.stream().map(TrainingRun::name).toList());
        for (int i = 0; i < runs.size(); i++) {
            Plotted p = plotted.get(runs.get(i));
            String name = "#" + runs.get(i).number() + " " + names.get(i);
            p.name().set(name);
            p.lr().nameProperty().set(name);
        }
        rescale();
    }

    /** Shows or hides the per-batch loss of every run (the smoothed curve reads better alone on long runs). */
    public void setBatchLossVisible(boolean visible) {
        batchShown.set(visible);
    }

    private void plot(TrainingRun run) {
        String n = "#" + run.number();
        BooleanProperty shown = new SimpleBooleanProperty(true);
        StringProperty name = new SimpleStringProperty(n + " " + run.name());
        ChartCurve lrCurve = curve(lr, run, n + " lr", LineStyle.SOLID, shown, null);
        ChartCurve batch = curve(loss, run, n + " per batch", LineStyle.FAINT, shown, batchShown);
        ChartCurve smooth = curve(loss, run, n + " smoothed", LineStyle.SOLID, shown, smoothedShown);
        ChartCurve epochTrain = curve(loss, run, n + " train/epoch", LineStyle.DOTTED, shown, trainEpochShown);
        ChartCurve epochVal = curve(loss, run, n + " val/epoch", LineStyle.DASHED, shown, valEpochShown);
        ChartCurve trainAcc = curve(accuracy, run, n + " train", LineStyle.DOTTED, shown, trainEpochShown);
        ChartCurve valAcc = curve(accuracy, run, n + " val", LineStyle.DASHED, shown, valEpochShown);
        List<ChartMarker> markers = new ArrayList<>();
        InvalidationListener onRevision = o -> update(run);
        ListChangeListener<TrainingEvent> onMark = c -> {
            while (c.next()) {
                for (TrainingEvent e : c.getAddedSubList()) {
                    mark(run, e, markers, shown.get());
                }
            }
        };
        LegendBar.Entry entry = legend.add(name, new ReadOnlyObjectWrapper<>(run.color()),
                new ReadOnlyObjectWrapper<>(LineStyle.SOLID), shown);
        entry.node().setId("train-legend-" + run.number());
        // A rename in Runs reaches the legend and the hover read-out (sync gives every run its distinct name).
        InvalidationListener onRename = o -> sync();
        Plotted p = new Plotted(shown, name, entry, lrCurve, batch, smooth, new Smoothing(smoothing.get()), epochTrain, epochVal,
                trainAcc, valAcc, markers, onRevision, onRename, onMark);
        plotted.put(run, p);
        // A hidden run's marks go with its curves.
        shown.addListener((o, was, now) -> {
            for (int i = 0; i < markers.size(); i++) {
                ChartMarker m = markers.get(i);
                CurveChart on = i % 2 == 0 ? lr : loss;
                if (now) {
                    on.markers().add(m);
                } else {
                    on.markers().remove(m);
                }
            }
            rescale();
        });
        run.revisionProperty().addListener(onRevision);
        run.nameProperty().addListener(onRename);
        run.marks().addListener(onMark);
        run.marks().forEach(e -> mark(run, e, markers, true));
        update(run);
    }

    private static ChartCurve curve(CurveChart chart, TrainingRun run, String name, LineStyle style, BooleanProperty runShown,
                                    BooleanProperty kindShown) {
        ChartCurve c = chart.addCurve(false);
        c.nameProperty().set(name);
        c.colorProperty().set(run.color());
        c.lineStyleProperty().set(style);
        c.visibleProperty().bind(kindShown == null ? runShown : Bindings.and(runShown, kindShown));
        return c;
    }

    /** Adds an event's marker to the LR chart and the loss chart (in that order: even indices are the LR chart's). */
    private void mark(TrainingRun run, TrainingEvent e, List<ChartMarker> markers, boolean shown) {
        String text = MarkText.of(run, e);
        ChartMarker onLr = new ChartMarker(e.iteration(), text, run.color());
        ChartMarker onLoss = new ChartMarker(e.iteration(), text, run.color());
        markers.add(onLr);
        markers.add(onLoss);
        if (shown) {
            lr.markers().add(onLr);
            loss.markers().add(onLoss);
        }
    }

    private void drop(TrainingRun run) {
        Plotted p = plotted.remove(run);
        epochsShown.remove(run);
        run.revisionProperty().removeListener(p.onRevision());
        run.nameProperty().removeListener(p.onRename());
        run.marks().removeListener(p.onMark());
        legend.remove(p.entry());
        for (ChartCurve c : p.curves()) {
            c.visibleProperty().unbind();
        }
        lr.removeCurve(p.lr());
        for (ChartCurve c : List.of(p.batchLoss(), p.smoothedLoss(), p.epochTrainLoss(), p.epochValLoss())) {
            loss.removeCurve(c);
        }
        accuracy.removeCurve(p.trainAccuracy());
        accuracy.removeCurve(p.valAccuracy());
        lr.markers().removeAll(p.markers());
        loss.markers().removeAll(p.markers());
    }

    /** The run grew this frame: hand its arrays over (no copy) and let the charts redraw once. */
    private void update(TrainingRun run) {
        Plotted p = plotted.get(run);
        RunSeries s = run.series();
        double[] x = s.iterations();
        p.lr().setData(x, s.lr(), s.size());
        p.batchLoss().setData(x, s.loss(), s.size());
        p.smoothedLoss().setData(x, p.smoother().apply(s.loss(), s.size()), s.size());
        Integer shown = epochsShown.get(run);
        if (shown == null || shown != s.epochs() || s.epochs() == 0) {
            epochsShown.put(run, s.epochs());
            p.epochTrainLoss().setData(s.epochEnds(), s.trainLoss(), s.epochs());
            p.epochValLoss().setData(s.epochEnds(), s.valLoss(), s.epochs());
            p.trainAccuracy().setData(s.epochNumbers(), s.trainAccuracy(), s.epochs());
            p.valAccuracy().setData(s.epochNumbers(), s.valAccuracy(), s.epochs());
        }
        rescale();
    }

    /**
     * The x axes end where the shown runs' records end, not where the longest plan would: a run of 1,000 epochs
     * stopped after 74 fills the plot. A live run's end is rounded up ({@link ScaledAxis#growingEnd}, at most its
     * plan), so its curve grows across a steady axis that moves in a few jumps.
     */
    private void rescale() {
        double lastIteration = Double.NaN;
        double lastEpoch = 0;
        for (TrainingRun r : runs) {
            Plotted p = plotted.get(r);
            RunSeries s = r.series();
            if (p == null || !p.shown().get() || s.size() == 0) {
                continue;
            }
            double end = s.iterations()[s.size() - 1];
            double epochs = s.epochs();
            if (r.state() != null && !r.state().hasEnded()) {
                double planned = r.plannedIterations() > 0 ? r.plannedIterations() - 1 : Double.POSITIVE_INFINITY;
                end = Math.max(end, Math.min(planned, ScaledAxis.growingEnd(end)));
                int spe = Math.max(1, s.stepsPerEpoch());
                double plannedEpochs = r.plannedIterations() > 0 ? Math.ceil((double) r.plannedIterations() / spe) : Double.POSITIVE_INFINITY;
                epochs = Math.max(epochs, Math.min(plannedEpochs, ScaledAxis.growingEnd(Math.max(1, epochs))));
            }
            lastIteration = Double.isNaN(lastIteration) ? end : Math.max(lastIteration, end);
            lastEpoch = Math.max(lastEpoch, epochs);
        }
        double shownEnd = lastIteration > 0 ? lastIteration : Double.NaN;
        if (Double.compare(shownEnd, shownIterations) != 0) {
            shownIterations = shownEnd;
            lr.setXRange(Double.isNaN(shownEnd) ? Double.NaN : 0, shownEnd);
            loss.setXRange(Double.isNaN(shownEnd) ? Double.NaN : 0, shownEnd);
        }
        int epochs = (int) Math.max(2, Math.ceil(lastEpoch));
        if (epochs != shownEpochs) {
            shownEpochs = epochs;
            accuracy.setXRange(1, shownEpochs);
        }
    }
}
