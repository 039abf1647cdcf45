package lrwb.app.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lrwb.app.form.InputField;
import lrwb.engine.model.layers.LayerSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer as the editor holds it: its type and the text of each field, as typed, so a half-typed value stays on
 * screen with the engine's message next to it instead of snapping back. {@link #settingsProperty()} is the one-line
 * summary the table shows; {@link #errorProperty()} the row's first problem.
 */
public final class LayerDraft {
    private final LayerType type;
    private final Map<String, InputField> fields = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper settings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    LayerDraft(LayerSpec layer) {
        type = LayerType.of(layer);
        LayerType.texts(layer).forEach((name, text) -> fields.put(name, new InputField(name, text)));
        fields.values().forEach(f -> f.textProperty().addListener((o, a, b) -> settings.set(describe())));
        settings.set(describe());
    }

    public LayerType type() {
        return type;
    }

    /** The fields in the order of {@link LayerType#fields()}. */
    public Collection<InputField> fields() {
        return fields.values();
    }

    public InputField field(String name) {
        return fields.get(name);
    }

    /** The field of {@link LayerType#fields()} with that name, for its kind and choices. */
    public LayerField fieldSpec(String name) {
        return type.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        fields.forEach((name, f) -> t.put(name, f.text()));
        return t;
    }

    /** E.g. {@code filters 32 · kernel 3 · stride 1 · same · relu}. */
    public ReadOnlyStringProperty settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The engine's message about this layer, with its index ({@code layers[3].rate must be ...}); empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message);
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        for (LayerField f : type.fields()) {
            String text = fields.get(f.name()).text();
            if (text.isEmpty()) {
                continue;
            }
            parts.add(f.choices().isEmpty() ? f.name() + " " + text : text);
        }
        return String.join(" · ", parts);
    }
}
