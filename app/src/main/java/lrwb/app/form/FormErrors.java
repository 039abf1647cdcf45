package lrwb.app.form;

import java.util.LinkedHashMap;
import java.util.Map;

/** The errors of one validation pass, each attached to its field. */
public final class FormErrors {
    private final Map<InputField, String> errors = new LinkedHashMap<>();

    public void add(InputField field, String message) {
        errors.putIfAbsent(field, message);
        field.setError(message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The first message, for a status line. */
    public String first() {
        return errors.values().stream().findFirst().orElse("");
    }
}
