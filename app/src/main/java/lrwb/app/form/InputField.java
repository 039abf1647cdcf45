package lrwb.app.form;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One text input of a form: what the user typed and, when it breaks a rule, the message shown next to it.
 * Typing clears the message; the next validation sets it again if still wrong.
 */
public final class InputField {
    private final String name;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public InputField(String name, String initial) {
        this.name = name;
        this.text = new SimpleStringProperty(initial);
        text.addListener((o, was, now) -> error.set(""));
    }

    /** The label of the field, as messages name it. */
    public String name() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get() == null ? "" : text.get().strip();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    public void setError(String message) {
        error.set(message == null ? "" : message);
    }

    public boolean hasError() {
        return !error.get().isEmpty();
    }

    /** The text as a number, or an error on this field and NaN. */
    public double number(FormErrors errors) {
        try {
            double v = Double.parseDouble(text());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(this, name + " must be a number, e.g. 0.01 or 1e-3 (got '" + text() + "')");
            return Double.NaN;
        }
    }

    /** The text as a whole number, or an error on this field and 0. */
    public long integer(FormErrors errors) {
        try {
            return Long.parseLong(text());
        } catch (NumberFormatException e) {
            errors.add(this, name + " must be a whole number (got '" + text() + "')");
            return 0;
        }
    }
}
