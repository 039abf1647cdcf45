package lrwb.app.designer;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lrwb.app.chart.NumberLabels;

import java.util.List;
import java.util.Locale;

/**
 * One parameter in the form: its text (what the user typed), slider position and check state, kept in step,
 * and the spec's error message when the spec blames this field. Every change is written into the curve's
 * JSON tree at once, so the chart follows a slider while it moves.
 */
public final class ParamField {
    private final CurveModel curve;
    private final List<Object> parent;
    private final String leaf;
    private final ParamInfo info;
    private final String fieldId;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");
    private final DoubleProperty slider = new SimpleDoubleProperty(this, "slider");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final double sliderMin;
    private final double sliderMax;
    /** Set while one of text/slider is being brought in line with the other, so they do not echo back. */
    private boolean syncing;

    /**
     * @param parent  path from the curve's root to the object holding this field
     * @param fieldId the name {@code InvalidSpecException.field()} uses for it, e.g. {@code cyclic.maxLr}
     * @param horizon the chart's length in this field's unit, for step sliders
     */
    ParamField(CurveModel curve, List<Object> parent, String fieldId, ParamInfo info, double horizon) {
        this.curve = curve;
        // a dotted name ("warmup.steps") is a field of a nested object
        List<Object> path = new java.util.ArrayList<>(parent);
        String[] names = info.name().split("\\.");
        path.addAll(java.util.Arrays.asList(names).subList(0, names.length - 1));
        this.parent = List.copyOf(path);
        this.leaf = names[names.length - 1];
        this.info = info;
        this.fieldId = fieldId;
        JsonNode value = curve.get(this.parent, leaf);
        text.set(value == null ? info.whenAbsent() : FieldCodec.text(value));
        checked.set(value != null && value.asBoolean());

        double max = info.sliderMax() == ParamInfo.HORIZON ? Math.max(info.sliderMin() + 1, horizon) : info.sliderMax();
        double current = value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
        if (current > max) {
            max = info.kind() == ParamKind.INTEGER ? current * 2 : current;
        }
        sliderMin = toSlider(info.sliderMin());
        sliderMax = toSlider(max);
        slider.set(Double.isFinite(current) ? clamp(toSlider(current)) : sliderMin);

        text.addListener((o, a, b) -> {
            if (!syncing) {
                write(FieldCodec.parse(info.kind(), b));
                followText(b);
            }
        });
        slider.addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                try {
                    text.set(format(fromSlider(b.doubleValue())));
                } finally {
                    syncing = false;
                }
                write(FieldCodec.parse(info.kind(), text.get()));
            }
        });
        checked.addListener((o, a, b) -> write(FieldCodec.parse(ParamKind.BOOLEAN, Boolean.toString(b))));
    }

    private void write(JsonNode value) {
        // an optional step count at 0 (the slider's left end) means none: no warmup rather than an error
        boolean none = info.optional() && info.kind() == ParamKind.INTEGER && value != null && value.isIntegralNumber()
                && value.longValue() == 0;
        curve.set(parent, leaf, none ? null : value);
    }

    /** Moves the slider to a typed value (when it is a number), without writing back. */
    private void followText(String t) {
        if (!info.hasSlider()) {
            return;
        }
        try {
            double v = Double.parseDouble(t.strip());
            double pos = toSlider(v);
            if (Double.isFinite(pos)) {
                syncing = true;
                try {
                    slider.set(clamp(pos));
                } finally {
                    syncing = false;
                }
            }
        } catch (NumberFormatException ignored) {
            // Not a number: the spec's message says so; the slider stays where it was.
        }
    }

    private double clamp(double pos) {
        return Math.max(sliderMin, Math.min(sliderMax, pos));
    }

    private double toSlider(double v) {
        if (!info.logSlider()) {
            return v;
        }
        return v > 0 ? Math.log10(v) : Math.log10(info.sliderMin());
    }

    private double fromSlider(double pos) {
        double v = info.logSlider() ? Math.pow(10, pos) : pos;
        return info.kind() == ParamKind.INTEGER ? Math.round(v) : v;
    }

    /** Slider values read as people would type them: 3 significant digits on a log slider, round steps on a linear one. */
    private String format(double v) {
        if (info.kind() == ParamKind.INTEGER) {
            return Long.toString(Math.round(v));
        }
        if (info.logSlider()) {
            return FieldCodec.number(Double.parseDouble(NumberLabels.significant(v, 3).replace(",", "")));
        }
        double step = (sliderMax - sliderMin) / 1000;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step)));
        return FieldCodec.number(Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", v)));
    }

    void showError(String message) {
        error.set(message);
    }

    /** Whether an error the spec reports for {@code field} belongs to this field (lists report {@code field[i]}). */
    boolean owns(String field) {
        return field.equals(fieldId) || field.startsWith(fieldId + "[");
    }

    public ParamInfo info() {
        return info;
    }

    /** The spec's name of this field, e.g. {@code cyclic.maxLr} or {@code sequential.schedules[1].cosine.lr}. */
    public String fieldId() {
        return fieldId;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    /** The slider's position: the value itself, or its log10 on a log slider. */
    public DoubleProperty sliderProperty() {
        return slider;
    }

    public double sliderMin() {
        return sliderMin;
    }

    public double sliderMax() {
        return sliderMax;
    }

    /** The spec's message when it blames this field, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
