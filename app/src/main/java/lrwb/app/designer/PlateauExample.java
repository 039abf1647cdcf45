package lrwb.app.designer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lrwb.app.chart.NumberLabels;

import java.util.ArrayList;
import java.util.List;

/**
 * The made-up metric a plateau schedule is shown against: a plateau has no curve of its own (it reacts to a
 * metric), so the Designer simulates it on an example that the user can type or drag into shape. The text
 * and the values stay in step; text that does not parse keeps the last good values and says why.
 */
public final class PlateauExample {
    private final ReadOnlyObjectWrapper<double[]> metrics = new ReadOnlyObjectWrapper<>(this, "metrics", new double[0]);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean writingText;

    PlateauExample(double[] initial) {
        text.addListener((o, a, b) -> {
            if (!writingText) {
                parse(b);
            }
        });
        setValues(initial);
    }

    /**
     * A validation-loss-like curve (or an accuracy-like one, {@code rising}): a fast fall, then stalls that
     * creep upwards (mild overfitting) broken by two improvements, with a little noise. With the default
     * patience of 10 the plateau rule cuts the LR a few times on it.
     */
    static double[] typical(int epochs, boolean rising) {
        double[] m = new double[epochs];
        long seed = 42;
        for (int e = 0; e < epochs; e++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            double noise = ((seed >>> 11) / (double) (1L << 53) - 0.5) * 0.006;
            double loss = 0.3 + 1.5 * Math.exp(-e / 5.0) + 0.0015 * Math.max(0, e - 25)
                    - 0.08 * sigmoid((e - 45) / 1.5) - 0.05 * sigmoid((e - 75) / 1.5);
            m[e] = round4(rising ? 1.05 - loss * 0.5 + noise / 2 : loss + noise);
        }
        return m;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Replaces the example by a typical curve of {@code epochs} values. */
    public void generate(int epochs, boolean rising) {
        setValues(typical(epochs, rising));
    }

    /** Sets one epoch's value (dragging a point of the example chart). */
    public void setMetric(int epoch, double value) {
        double[] m = metrics.get();
        if (epoch < 0 || epoch >= m.length || !Double.isFinite(value)) {
            return;
        }
        double[] copy = m.clone();
        copy[epoch] = round4(value);
        setValues(copy);
    }

    private void setValues(double[] values) {
        error.set("");
        metrics.set(values);
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(NumberLabels.significant(v, 4).replace(",", ""));
        }
        writingText = true;
        try {
            text.set(String.join(", ", parts));
        } finally {
            writingText = false;
        }
    }

    private void parse(String s) {
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            error.set("metrics: enter one value per epoch, e.g. 1.2, 0.9, 0.8");
            return;
        }
        String[] parts = trimmed.split("[,;\\s]+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
            if (!Double.isFinite(values[i])) {
                error.set("metrics[" + i + "] must be a finite number (got \"" + parts[i] + "\")");
                return;
            }
        }
        error.set("");
        metrics.set(values);
    }

    /** One value per epoch, observed at the end of that epoch. */
    public ReadOnlyObjectProperty<double[]> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public double[] metrics() {
        return metrics.get();
    }

    /** The values as comma-separated text; setting it parses it. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text was not taken, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
