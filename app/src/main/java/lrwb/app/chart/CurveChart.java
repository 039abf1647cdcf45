package lrwb.app.chart;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line chart for long curves: several {@link ChartCurve}s on shared axes, each decimated to about two points
 * per pixel column, a y axis that switches between linear and decades, a legend that shows and hides curves,
 * and a crosshair that reads every curve's value under the mouse. Changes are drawn once per frame.
 *
 * <p>A LineChart with no series draws the axes and the grid; the lines are drawn by a {@link CurveLayer} on top,
 * which rebuilds only the curves that changed.
 *
 * <p>Built for the schedule designer, the LR finder (loss vs log LR) and training (LR, loss, accuracy vs
 * iteration): nothing here knows what the numbers mean beyond the axis labels and read-out formats.
 */
public final class CurveChart {
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final LineChart<Number, Number> chart;
    private final ObservableList<ChartCurve> curves = FXCollections.observableArrayList();
    private final ObservableList<ChartCurve> readOnlyCurves = FXCollections.unmodifiableObservableList(curves);
    private final NextFrame redraw = new NextFrame(this::redraw);
    private final Crosshair crosshair;
    private final BorderPane root = new BorderPane();
    private final Region plotBackground;
    private final ChartLegend legend;
    private final PlotOverlay overlay;
    private final CurveLayer layer;
    private final ObservableList<ChartMarker> markers = FXCollections.observableArrayList();
    private final MarkerLayer markerLayer;
    private final ObservableList<ChartBand> bands = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    private final ShapeLayer shapeLayer;
    private final ChartNavigation navigation;
    private double fixedXMin = Double.NaN;
    private double fixedXMax = Double.NaN;
    private double fixedYMin = Double.NaN;
    private double fixedYMax = Double.NaN;
    private DoubleFunction<String> xReadout = v -> NumberLabels.significant(v, 4);
    private DoubleFunction<String> yReadout = v -> NumberLabels.significant(v, 3);
    /** What the decimated points were computed for; a curve drawn for another layout is redone. */
    private String layoutKey = "";

    /**
     * @param xLabel what x measures, with its unit (e.g. "iteration")
     * @param yLabel what y measures (e.g. "learning rate")
     */
    public CurveChart(String xLabel, String yLabel) {
        this(xLabel, yLabel, true);
    }

    /** @param yFromZero whether a linear y axis starts at zero (rates, counts) or hugs the data (momenta near 0.9) */
    public CurveChart(String xLabel, String yLabel, boolean yFromZero) {
        xAxis = new ScaledAxis(xLabel, true);
        xAxis.setHeadroom(false);
        yAxis = new ScaledAxis(yLabel, yFromZero);
        chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        // JavaFX's zero lines sit at axis value 0, which on a decade axis is the value 1: a line that means nothing.
        chart.horizontalZeroLineVisibleProperty().bind(yAxis.axisScaleProperty().isEqualTo(AxisScale.LINEAR));
        chart.verticalZeroLineVisibleProperty().bind(xAxis.axisScaleProperty().isEqualTo(AxisScale.LINEAR));
        chart.getStyleClass().add("curve-chart");
        chart.setMinSize(200, 150);
        plotBackground = (Region) chart.lookup(".chart-plot-background");
        plotBackground.widthProperty().addListener((o, a, b) -> redraw.request());
        plotBackground.heightProperty().addListener((o, a, b) -> redraw.request());
        yAxis.axisScaleProperty().addListener((o, a, b) -> redraw.request());
        xAxis.axisScaleProperty().addListener((o, a, b) -> redraw.request());

        crosshair = new Crosshair(chart, plotBackground, xAxis, yAxis, curves, v -> xReadout.apply(v), v -> yReadout.apply(v));
        layer = new CurveLayer(plotBackground, xAxis, yAxis, curves);
        // Order matters: the layer is laid out after the chart, so it draws with the axes' new bounds.
        markerLayer = new MarkerLayer(markers, plotBackground, xAxis);
        shapeLayer = new ShapeLayer(bands, points, plotBackground, xAxis, yAxis);
        // The y axis fits the bands too (a spread reaches beyond its mean line).
        bands.addListener((javafx.collections.ListChangeListener<ChartBand>) c -> redraw.request());
        overlay = new PlotOverlay(plotBackground, xAxis, yAxis);
        navigation = new ChartNavigation(chart, plotBackground, xAxis, yAxis, redraw::request);
        plotBackground.boundsInParentProperty().addListener((o, a, b) -> navigation.layout());
        StackPane plot = new StackPane(chart, layer, shapeLayer, markerLayer, navigation.layer(), crosshair.overlay(), overlay);
        plot.setMinSize(0, 0);
        root.setCenter(plot);
        legend = new ChartLegend(curves);
        root.setTop(legend.node());
        root.getStyleClass().add("curve-chart-pane");
    }

    /** The least height of the plot with its axes (150 px unless set): a small companion chart can go lower. */
    public void setMinPlotHeight(double height) {
        chart.setMinHeight(height);
    }

    /** Shows or hides the legend bar (a single-curve chart, or one whose curves a shared legend names). */
    public void setLegendVisible(boolean visible) {
        legend.setShown(visible);
    }

    /** The chart's own legend, e.g. to let it take more rows before it scrolls. */
    public LegendBar legend() {
        return legend.bar();
    }

    /** Whether the user has zoomed or panned away from the whole data. */
    public boolean isZoomed() {
        return navigation.isZoomed();
    }

    /** Back to the whole data (what a double-click on the plot does). */
    public void resetZoom() {
        navigation.reset();
    }

    /**
     * Shows x from {@code xLo} to {@code xHi} and y from {@code yLo} to {@code yHi} (data values), as dragging a
     * box does; NaN for either end of an axis leaves that axis as it is.
     */
    public void zoomTo(double xLo, double xHi, double yLo, double yHi) {
        navigation.zoomTo(xLo, xHi, yLo, yHi);
    }

    /** A new, empty curve drawn on top of the others. */
    public ChartCurve addCurve() {
        return addCurve(true);
    }

    /** A new curve that the legend lists or not (e.g. the faint raw data under a listed smoothed line). */
    public ChartCurve addCurve(boolean inLegend) {
        ChartCurve c = new ChartCurve(redraw::request, inLegend);
        curves.add(c);
        redraw.request();
        return c;
    }

    public void removeCurve(ChartCurve c) {
        curves.remove(c);
        redraw.request();
    }

    /** Puts the curves in this order (later ones are drawn on top and listed later in the legend). */
    public void reorder(List<ChartCurve> order) {
        if (!order.equals(curves)) {
            curves.setAll(order);
            redraw.request();
        }
    }

    /** Marks {@code x} with a vertical line and a short label (see {@link ChartMarker}). */
    public ChartMarker addMarker(double x, String label, javafx.scene.paint.Color color) {
        ChartMarker m = new ChartMarker(x, label, color);
        markers.add(m);
        return m;
    }

    /** The markers, in the order they were added; remove from or clear this list to take them off. */
    public ObservableList<ChartMarker> markers() {
        return markers;
    }

    /** Filled spreads drawn over the plot (see {@link ChartBand}); the y axis makes room for them. */
    public ObservableList<ChartBand> bands() {
        return bands;
    }

    /** Single points drawn over the lines (see {@link ChartPoint}). */
    public ObservableList<ChartPoint> points() {
        return points;
    }

    public ObservableList<ChartCurve> curves() {
        return readOnlyCurves;
    }

    public ScaledAxis xAxis() {
        return xAxis;
    }

    public ScaledAxis yAxis() {
        return yAxis;
    }

    /** Shows x from {@code min} to {@code max} (rounded out to ticks) whatever the data; NaN for both fits the data. */
    public void setXRange(double min, double max) {
        fixedXMin = min;
        fixedXMax = max;
        redraw.request();
    }

    /**
     * Shows y from {@code min} to {@code max} whatever the data (lines beyond are clipped), e.g. to keep a
     * noisy raw series from flattening its smoothed version; NaN for both fits the data.
     */
    public void setYRange(double min, double max) {
        if (Double.compare(min, fixedYMin) != 0 || Double.compare(max, fixedYMax) != 0) {
            fixedYMin = min;
            fixedYMax = max;
            redraw.request();
        }
    }

    /** How the read-out names an x position, e.g. {@code "iteration 1,200 · epoch 12"}. */
    public void setXReadout(DoubleFunction<String> format) {
        xReadout = format;
    }

    public void setYReadout(DoubleFunction<String> format) {
        yReadout = format;
    }

    /** The whole chart with its legend: what to put in a layout. */
    public Region node() {
        return root;
    }

    /** The plot with its axes, without the legend: what to snapshot for an image. */
    public Node plotNode() {
        return chart;
    }

    public Crosshair crosshair() {
        return crosshair;
    }

    /** Markers and draggable bands drawn over the plot in data coordinates. */
    public PlotOverlay overlay() {
        return overlay;
    }

    /** Draws pending changes now instead of at the next frame (before a snapshot; in tests). */
    public void flush() {
        redraw.runPending();
    }

    private void redraw() {
        int columns = (int) Math.max(50, Math.round(plotBackground.getWidth() > 0 ? plotBackground.getWidth() : 800));
        double plotHeight = plotBackground.getHeight() > 0 ? plotBackground.getHeight() : 400;

        int xTicks = Math.max(3, columns / 85);
        if (navigation.x() != null) {
            xAxis.show(navigation.x()[0], navigation.x()[1], xTicks);
        } else {
            double[] xr = xRange();
            xAxis.fit(xr[0], xr[1], xr[0] > 0 ? xr[0] : 1, xTicks);
        }
        double lo = xAxis.getLowerBound();
        double hi = xAxis.getUpperBound();
        String key = columns + ":" + lo + ":" + hi + ":" + xAxis.axisScale() + ":" + yAxis.axisScale();
        boolean relayout = !key.equals(layoutKey);
        layoutKey = key;

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double minPositive = Double.POSITIVE_INFINITY;
        for (ChartCurve c : curves) {
            if (relayout) {
                c.dirty = true;
            }
            if (!c.visibleProperty().get()) {
                continue;
            }
            if (c.dirty) {
                MinMaxDecimator.decimate(c.x(), c.y(), c.size(), lo, hi, columns, c.decimated, xAxis.axisScale());
                c.dirty = false;
                c.pathDirty = true;
            }
            PointBuffer p = c.decimated;
            for (int i = 0; i < p.size(); i++) {
                double v = p.y(i);
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v > 0) {
                    minPositive = Math.min(minPositive, v);
                }
            }
        }
        for (ChartBand b : bands) {
            for (double[] values : List.of(b.lower(), b.upper())) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        if (v > 0) {
                            minPositive = Math.min(minPositive, v);
                        }
                    }
                }
            }
        }
        // Decade labels are short and evenly spaced: one per decade reads well down to ~28 px apart.
        double spacing = yAxis.axisScale() == AxisScale.LOG10 ? 28 : 55;
        if (Double.isFinite(fixedYMin) && Double.isFinite(fixedYMax)) {
            min = fixedYMin;
            max = fixedYMax;
            minPositive = fixedYMin > 0 ? fixedYMin : minPositive;
        }
        int yTicks = Math.max(3, (int) (plotHeight / spacing));
        if (navigation.y() != null) {
            yAxis.show(navigation.y()[0], navigation.y()[1], yTicks);
        } else {
            yAxis.fit(min, max, minPositive, yTicks);
        }
        navigation.layout();
        layer.requestLayout();
        overlay.requestLayout();
        markerLayer.requestLayout();
        shapeLayer.requestLayout();
        crosshair.refresh();
    }

    private double[] xRange() {
        if (Double.isFinite(fixedXMin) && Double.isFinite(fixedXMax)) {
            return new double[] {fixedXMin, fixedXMax};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartCurve c : curves) {
            if (c.visibleProperty().get() && c.size() > 0) {
                min = Math.min(min, c.x()[0]);
                max = Math.max(max, c.x()[c.size() - 1]);
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 1};
    }
}
