package lrwb.app.training;

import lrwb.app.text.DistinctNames;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.ChartMarker;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.NumberLabels;
import lrwb.engine.train.TrainingEvent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three live charts of a list of runs: LR vs iteration (overrides and plateau reductions marked), loss vs
 * iteration (per batch faint, smoothed solid) and, per epoch, train (dotted) and validation (dashed) loss and
 * accuracy.
 * Each run keeps its colour on every chart. Curves are handed the runs' primitive arrays once per frame in
 * which the run grew; the charts decimate them.
 */
public final class TrainingCharts {
    /** "LR": the chart is short, and "learning rate (log scale)" would not fit along its y axis. */
    private final CurveChart lr = new CurveChart("iteration", "LR");
    private final CurveChart loss = new CurveChart("iteration", "loss");
    private final CurveChart accuracy = new CurveChart("epoch", "accuracy");
    private final GridPane grid = new GridPane();
    private final Map<TrainingRun, Plotted> plotted = new IdentityHashMap<>();
    private final ObservableList<TrainingRun> runs;
    private boolean batchLossVisible = true;

    /** Epochs already handed to a run's epoch curves: they change once per epoch, not every frame. */
    private final Map<TrainingRun, Integer> epochsShown = new IdentityHashMap<>();
    private double shownIterations = Double.NaN;
    private int shownEpochs;

    /** One run's curves and markers, and the listeners to drop with them. */
    private record Plotted(ChartCurve lr, ChartCurve batchLoss, ChartCurve smoothedLoss, ChartCurve epochTrainLoss,
                           ChartCurve epochValLoss, ChartCurve trainAccuracy, ChartCurve valAccuracy,
                           List<ChartMarker> markers, InvalidationListener onRevision,
                           ListChangeListener<TrainingEvent> onMark) {
    }

    public TrainingCharts(ObservableList<TrainingRun> runs) {
        this.runs = runs;
        lr.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        // An LR override to 1e-6 under a 0.1 schedule must still show: 6 decades.
        lr.yAxis().setMaxDecades(6);
        lr.setXReadout(this::iterationText);
        loss.setXReadout(this::iterationText);
        accuracy.setXReadout(v -> "epoch " + NumberLabels.significant(Math.round(v), 6));
        accuracy.setYReadout(v -> NumberLabels.significant(v, 4));
        loss.setYReadout(v -> NumberLabels.significant(v, 4));
        // Accuracy lives in [0, 1]: the frame is that range, not a tick above it.
        accuracy.yAxis().setHeadroom(false);
        // One legend, on the LR chart, names the runs; the other charts use the same colours, and a key below
        // says which line style is which. Six entries per run would crowd the plots out.
        loss.setLegendVisible(false);
        accuracy.setLegendVisible(false);
        lr.node().setId("chart-lr");
        loss.node().setId("chart-loss");
        accuracy.node().setId("chart-accuracy");

        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(55);
        left.setHgrow(Priority.ALWAYS);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(45);
        right.setHgrow(Priority.ALWAYS);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(left, right);
        grid.getRowConstraints().addAll(row, row);
        grid.add(loss.node(), 0, 0, 1, 2);
        grid.add(lr.node(), 1, 0);
        grid.add(accuracy.node(), 1, 1);
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getStyleClass().add("training-charts");

        runs.addListener((ListChangeListener<TrainingRun>) c -> sync());
        sync();
    }

    public Region node() {
        return grid;
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

    /** Draws what is pending now (before a snapshot, in tests). */
    public java.util.List<CurveChart> charts() {
        return java.util.List.of(lr, loss, accuracy);
    }

    public void flush() {
        charts().forEach(CurveChart::flush);
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
            plotted.get(runs.get(i)).lr().nameProperty().set("#" + runs.get(i).number() + " " + names.get(i));
        }
        rescale();
    }

    /** Shows or hides the per-batch loss of every run (the smoothed curve reads better alone on long runs). */
    public void setBatchLossVisible(boolean visible) {
        plotted.values().forEach(p -> p.batchLoss().visibleProperty().set(visible));
        batchLossVisible = visible;
    }

    private void plot(TrainingRun run) {
        String n = "#" + run.number();
        ChartCurve lrCurve = curve(lr, run, n + " lr", LineStyle.SOLID);
        ChartCurve batch = curve(loss, run, n + " per batch", LineStyle.FAINT);
        batch.visibleProperty().set(batchLossVisible);
        ChartCurve smooth = curve(loss, run, n + " smoothed", LineStyle.SOLID);
        ChartCurve epochTrain = curve(loss, run, n + " train/epoch", LineStyle.DOTTED);
        ChartCurve epochVal = curve(loss, run, n + " val/epoch", LineStyle.DASHED);
        ChartCurve trainAcc = curve(accuracy, run, n + " train", LineStyle.DOTTED);
        ChartCurve valAcc = curve(accuracy, run, n + " val", LineStyle.DASHED);
        List<ChartMarker> markers = new ArrayList<>();
        InvalidationListener onRevision = o -> update(run);
        ListChangeListener<TrainingEvent> onMark = c -> {
            while (c.next()) {
                for (TrainingEvent e : c.getAddedSubList()) {
                    mark(run, e, markers);
                }
            }
        };
        Plotted p = new Plotted(lrCurve, batch, smooth, epochTrain, epochVal, trainAcc, valAcc, markers, onRevision, onMark);
        plotted.put(run, p);
        run.revisionProperty().addListener(onRevision);
        run.marks().addListener(onMark);
        run.marks().forEach(e -> mark(run, e, markers));
        update(run);
    }

    private static ChartCurve curve(CurveChart chart, TrainingRun run, String name, LineStyle style) {
        ChartCurve c = chart.addCurve();
        c.nameProperty().set(name);
        c.colorProperty().set(run.color());
        c.lineStyleProperty().set(style);
        return c;
    }

    private void mark(TrainingRun run, TrainingEvent e, List<ChartMarker> markers) {
        String text = MarkText.of(run, e);
        markers.add(lr.addMarker(e.iteration(), text, run.color()));
        markers.add(loss.addMarker(e.iteration(), text, run.color()));
    }

    private void drop(TrainingRun run) {
        Plotted p = plotted.remove(run);
        epochsShown.remove(run);
        run.revisionProperty().removeListener(p.onRevision());
        run.marks().removeListener(p.onMark());
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
        p.smoothedLoss().setData(x, s.smoothedLoss(), s.size());
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

    /** The x axes span the longest plan, so a run's curve grows across a steady axis instead of stretching it. */
    private void rescale() {
        long iterations = 0;
        int epochs = 0;
        for (TrainingRun r : runs) {
            iterations = Math.max(iterations, Math.max(r.plannedIterations(), r.series().size()));
            int spe = Math.max(1, r.series().stepsPerEpoch());
            epochs = Math.max(epochs, (int) Math.max(r.series().epochs(), r.plannedIterations() / spe));
        }
        double lastIteration = iterations > 1 ? iterations - 1 : Double.NaN;
        if (Double.compare(lastIteration, shownIterations) != 0) {
            shownIterations = lastIteration;
            lr.setXRange(iterations > 1 ? 0 : Double.NaN, lastIteration);
            loss.setXRange(iterations > 1 ? 0 : Double.NaN, lastIteration);
        }
        if (Math.max(2, epochs) != shownEpochs) {
            shownEpochs = Math.max(2, epochs);
            accuracy.setXRange(1, shownEpochs);
        }
    }
}
