package lrwb.app.form;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * An editable spinner of whole numbers in [min, max] that never throws on what is typed. The stock
 * {@code IntegerSpinnerValueFactory} parses with {@code Integer.parseInt} when Enter is pressed or the focus
 * leaves, so {@code abc} or {@code 1e9} threw on the FX thread and left the text with no sign of what was wrong.
 * Here text that is no whole number in range keeps the last good value, outlines the editor red and sets
 * {@link #errorProperty()} to one line naming the field and the rule; typing a good value clears it.
 */
public final class WholeNumberSpinner {
    private final Spinner<Integer> spinner = new Spinner<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final String name;
    private final int min;
    private final int max;

    /**
     * @param name  the field's name as the message says it, e.g. "epochs"
     * @param value the property the spinner edits (bound both ways)
     */
    public WholeNumberSpinner(String name, int min, int max, ObjectProperty<Integer> value, String id, String tip) {
        this.name = name;
        this.min = min;
        this.max = max;
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer parsed = parse(text);
                error.set(parsed == null ? rule() : "");
                return parsed == null ? f.getValue() : parsed;
            }
        });
        spinner.setValueFactory(f);
        f.valueProperty().bindBidirectional(value);
        spinner.setEditable(true);
        spinner.setId(id);
        spinner.setTooltip(new Tooltip(tip));
        // Typing (or an arrow) that makes the text good again clears the message at once, before Enter.
        spinner.getEditor().textProperty().addListener((o, a, b) -> {
            if (!error.get().isEmpty() && parse(b) != null) {
                error.set("");
            }
        });
        error.addListener((o, a, b) -> {
            var classes = spinner.getEditor().getStyleClass();
            if (b.isEmpty()) {
                classes.remove("invalid");
            } else if (!classes.contains("invalid")) {
                classes.add("invalid");
            }
        });
    }

    /** The value the text stands for, or null when it is no whole number in range. */
    Integer parse(String text) {
        String t = text == null ? "" : text.strip().replace("_", "").replace(",", "");
        if (!t.matches("[+-]?\\d{1,10}")) {
            return null;
        }
        long v = Long.parseLong(t);
        return v >= min && v <= max ? (int) v : null;
    }

    private String rule() {
        return name + " must be a whole number from " + min + " to " + max; // the field still shows what was typed
    }

    public Spinner<Integer> spinner() {
        return spinner;
    }

    /** Why the typed text was not taken, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
