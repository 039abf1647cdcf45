package lrwb.app.form;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A labelled input bound to an {@link InputField}, with the field's rule message right under it (red, and the
 * input outlined) when it is broken. One look for every form of the app.
 */
public final class FieldRow {
    private FieldRow() {
    }

    public static TextField text(InputField field) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(field.textProperty());
        return t;
    }

    /** An editable choice: suggestions to pick from, any text allowed (e.g. {@code mlp:128,64}). */
    public static ComboBox<String> choice(InputField field, List<String> suggestions) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(suggestions);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().bindBidirectional(field.textProperty());
        return box;
    }

    /** The label, the input and its error line, stacked. */
    public static VBox of(String label, Control input, InputField field, String tooltip) {
        Label name = new Label(label);
        name.setLabelFor(input);
        name.getStyleClass().add("field-label");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(field.errorProperty());
        error.visibleProperty().bind(field.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        field.errorProperty().addListener((o, was, now) -> {
            Node target = input instanceof ComboBox<?> c ? c.getEditor() : input;
            target.getStyleClass().remove("invalid");
            if (!now.isEmpty()) {
                target.getStyleClass().add("invalid");
            }
        });
        if (tooltip != null) {
            input.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        }
        input.setMaxWidth(Double.MAX_VALUE);
        VBox row = new VBox(3, name, input, error);
        row.getStyleClass().add("field-row");
        return row;
    }
}
