package lrwb.app.chart;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.chart.ValueAxis;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis that shows its values linearly or in decades. JavaFX has no log axis; series on a
 * {@link AxisScale#LOG10} axis carry {@code log10(value)} (see {@link #toAxis}), and this axis places its ticks
 * on whole decades, labels them as the values they stand for ({@code 1e-3}, {@code 0.01}, ...) and draws log
 * minor ticks at 2..9 times each decade.
 *
 * <p>Bounds come from {@link #fit}, not auto-ranging, and need not sit on a tick: unlike NumberAxis, this axis
 * labels only its ticks, so a small margin around the data leaves no odd label like {@code 0.0137} at an end.
 */
public final class ScaledAxis extends ValueAxis<Number> {
    /** Fraction of the span added as margin on a log axis, so lines do not run along the border. */
    private static final double LOG_MARGIN = 0.04;

    private final ObjectProperty<AxisScale> scale = new SimpleObjectProperty<>(this, "axisScale", AxisScale.LINEAR);
    private final StringProperty quantity = new SimpleStringProperty(this, "quantity", "");
    private final boolean includeZero;
    private boolean headroom = true;
    private double maxDecades = 8;
    private double tickUnit = 1;
    /** Ticks at 1, 2 and 5 times each power of ten instead of whole decades: a log axis zoomed into less than two decades. */
    private boolean fineLog;
    private final javafx.beans.property.BooleanProperty labelShown = new javafx.beans.property.SimpleBooleanProperty(this, "labelShown", true);

    /**
     * @param quantity    what the axis measures, with its unit, e.g. "learning rate" or "iteration"
     * @param includeZero whether a linear fit starts at zero (rates and step counts read best from zero)
     */
    public ScaledAxis(String quantity, boolean includeZero) {
        this.includeZero = includeZero;
        this.quantity.set(quantity);
        setAutoRanging(false);
        setAnimated(false);
        labelProperty().bind(Bindings.createStringBinding(() -> labelShown.get()
                ? this.quantity.get() + (scale.get() == AxisScale.LOG10 ? " (log scale)" : "") : null,
                this.quantity, scale, labelShown));
        scale.addListener((o, a, b) -> invalidateRange());
    }

    /**
     * Whether the axis shows its label; off where a title above the chart already says what the axis measures
     * (the label's width goes to the plot).
     */
    public javafx.beans.property.BooleanProperty labelShownProperty() {
        return labelShown;
    }

    public ObjectProperty<AxisScale> axisScaleProperty() {
        return scale;
    }

    public AxisScale axisScale() {
        return scale.get();
    }

    /** What the axis measures; the axis label adds "(log scale)" on a log axis. */
    public StringProperty quantityProperty() {
        return quantity;
    }

    /**
     * Whether a linear fit adds a tick above data that reach the top tick exactly (on for values, so a flat
     * line is not drawn on the border; off for an x range that should end where the data end).
     */
    public void setHeadroom(boolean headroom) {
        this.headroom = headroom;
    }

    /**
     * The most decades a log fit shows, counted down from the largest value: a curve that dives towards zero
     * (cosine to alpha 0) would otherwise squash everything else into a sliver at the top.
     */
    public void setMaxDecades(double decades) {
        this.maxDecades = decades;
    }

    /** The axis coordinate of a data value (log10 of it on a log axis); NaN when it has no position. */
    public double toAxis(double value) {
        return scale.get().toAxis(value);
    }

    /** The data value at a pixel position along the axis. */
    public double valueAtDisplay(double position) {
        return scale.get().fromAxis(getValueForDisplay(position).doubleValue());
    }

    /** The pixel position of a data value along the axis; NaN when it has no position on this scale. */
    public double displayOf(double value) {
        double a = toAxis(value);
        return Double.isFinite(a) ? getDisplayPosition(a) : Double.NaN;
    }

    public double tickUnit() {
        return tickUnit;
    }

    /**
     * Sets bounds and ticks so that data spanning {@code [min, max]} (data values, not axis coordinates) fit.
     *
     * @param minPositive the smallest value above zero (what a log axis can show); ignored on a linear axis
     * @param maxTicks    about how many labelled ticks fit along the axis
     */
    public void fit(double min, double max, double minPositive, int maxTicks) {
        maxTicks = Math.max(2, maxTicks);
        if (scale.get() == AxisScale.LOG10) {
            fitDecades(minPositive, max, maxTicks);
        } else {
            fitLinear(min, max, maxTicks);
        }
    }

    /**
     * Shows exactly {@code [lo, hi]} in axis coordinates (decades on a log axis), with ticks that suit the span:
     * what a zoomed or panned chart shows. A log axis narrower than two decades ticks at 1, 2 and 5 times each
     * power of ten, so there are labels to read.
     */
    public void show(double lo, double hi, int maxTicks) {
        maxTicks = Math.max(2, maxTicks);
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return;
        }
        if (scale.get() == AxisScale.LOG10) {
            double span = hi - lo;
            setBounds(lo, hi, span < 2 ? 0 : Math.max(1, Math.ceil(span / maxTicks)), span < 2);
        } else {
            setBounds(lo, hi, niceStep((hi - lo) / maxTicks));
        }
    }

    private void fitDecades(double minPositive, double max, int maxTicks) {
        if (!(max > 0 && Double.isFinite(max))) {
            setBounds(-3, 0, 1);
            return;
        }
        double hi = Math.log10(max);
        double lo = Math.max(Math.log10(minPositive > 0 ? minPositive : max), hi - maxDecades);
        if (hi - lo < 1) {
            // A flat or nearly flat curve: show the decades around it, centred, so the eye has a scale.
            double mid = (hi + lo) / 2;
            lo = mid - 1;
            hi = mid + 1;
        }
        if (Math.floor(hi) - Math.ceil(lo) < 1) {
            // One labelled decade or none (e.g. 0.012 to 0.3): reach down to the decade below, so two labels give the scale.
            lo = Math.floor(lo);
        }
        double margin = (hi - lo) * LOG_MARGIN;
        setBounds(lo - margin, hi + margin, Math.max(1, Math.ceil((hi - lo) / maxTicks)));
    }

    private void fitLinear(double min, double max, int maxTicks) {
        if (!(Double.isFinite(min) && Double.isFinite(max))) {
            setBounds(0, 1, 0.2);
            return;
        }
        if (includeZero) {
            min = Math.min(0, min);
            max = Math.max(0, max);
        }
        if (max - min <= 0) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.5;
            min -= includeZero && min >= 0 ? 0 : pad;
            max += pad;
        }
        double unit = niceStep((max - min) / maxTicks);
        double lo = Math.floor(min / unit + 1e-9) * unit;
        // Without headroom (an x range, accuracy) the axis ends where the data end: 320 iterations end at 319,
        // not at a round 400 that leaves a fifth of the plot empty. Only ticks are labelled, so no odd end label.
        double hi = headroom ? Math.ceil(max / unit - 1e-9) * unit : max;
        // Keep a line that sits exactly on the top tick off the plot's border.
        if (headroom && hi - max < unit * 0.02 && !(includeZero && max == 0)) {
            hi += unit;
        }
        setBounds(lo, hi, unit);
    }

    private void setBounds(double lo, double hi, double unit) {
        setBounds(lo, hi, unit, false);
    }

    private void setBounds(double lo, double hi, double unit, boolean fine) {
        if (lo == getLowerBound() && hi == getUpperBound() && unit == tickUnit && fine == fineLog) {
            // Unchanged: invalidating would rebuild and re-style every tick label, a frame's worth of work
            // when a live chart re-fits each frame to the same range.
            return;
        }
        tickUnit = unit;
        fineLog = fine;
        setLowerBound(lo);
        setUpperBound(hi);
        invalidateRange();
        requestAxisLayout();
    }

    /**
     * Where an axis over a curve that is still growing should end: a little past {@code value}, on a round number,
     * so the curve grows across a steady axis that moves in a few jumps (240 -> 300, 310 -> 350) rather than every frame.
     */
    public static double growingEnd(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return value;
        }
        double unit = niceStep(value / 8);
        return Math.ceil(value * 1.05 / unit - 1e-9) * unit;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: tick steps people can add up in their head. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    // ---- ValueAxis ----

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), tickUnit, fineLog ? 1 : 0};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setBounds(r[0], r[1], r[2], r[3] != 0);
    }

    /** Ticks at whole multiples of the tick unit inside the bounds (whole decades on a log axis). */
    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        return r[3] != 0 ? fineLogTicks(r[0], r[1]) : ticks(r[0], r[1], r[2]);
    }

    /** 1, 2 and 5 times each power of ten inside {@code [lo, hi]} (decades), or every 1..9 when that gives fewer than two. */
    static List<Number> fineLogTicks(double lo, double hi) {
        List<Number> ticks = logMultiples(lo, hi, new int[] {1, 2, 5});
        return ticks.size() >= 2 ? ticks : logMultiples(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    private static List<Number> logMultiples(double lo, double hi, int[] multiples) {
        List<Number> ticks = new ArrayList<>();
        if (!(hi > lo) || hi - lo > 40) {
            return ticks;
        }
        for (long d = (long) Math.floor(lo); d <= Math.ceil(hi); d++) {
            for (int m : multiples) {
                double v = d + Math.log10(m);
                if (v >= lo - 1e-12 && v <= hi + 1e-12) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    static List<Number> ticks(double lo, double hi, double unit) {
        List<Number> ticks = new ArrayList<>();
        if (!(unit > 0) || !(hi > lo) || (hi - lo) / unit > 1000) {
            return ticks;
        }
        long first = (long) Math.ceil(lo / unit - 1e-9);
        for (long k = first; k * unit <= hi + unit * 1e-9; k++) {
            // k * unit rather than a running sum: no 0.30000000000000004 creeping into the labels.
            ticks.add(k * unit);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = new ArrayList<>();
        double lo = getLowerBound();
        double hi = getUpperBound();
        if (scale.get() == AxisScale.LOG10) {
            if (tickUnit > 1 || fineLog) {
                return minor; // decades too close for 2..9 marks to read
            }
            for (long d = (long) Math.floor(lo); d <= Math.ceil(hi); d++) {
                for (int k = 2; k <= 9; k++) {
                    double v = d + Math.log10(k);
                    if (v > lo && v < hi) {
                        minor.add(v);
                    }
                }
            }
            return minor;
        }
        double step = tickUnit / 5;
        if ((hi - lo) / step > 2000) {
            return minor;
        }
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi; k++) {
            if (k % 5 != 0) {
                minor.add(k * step);
            }
        }
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        double v = value.doubleValue();
        return scale.get() == AxisScale.LOG10 ? NumberLabels.decade(v) : NumberLabels.linearTick(v, tickUnit);
    }
}
