package lrwb.app.form;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The controls of an {@link InputField}: its label, a text field (or an editable combo of common values) bound
 * to its text, and its error message underneath, shown only when there is one, with the input outlined red.
 * Ids: {@code id} for the input, {@code id-error} for the message (what tests and screen readers find).
 */
public final class FieldView {
    private final VBox box = new VBox(3);
    private final Label label;
    private final TextField text;
    private final ComboBox<String> combo;
    private final Node input;

    private FieldView(InputField field, String id, String hint, ObservableList<String> choices, List<String> fixedChoices) {
        label = new Label(capitalised(field.name()));
        label.getStyleClass().add("field-label");
        if (choices != null || fixedChoices != null) {
            combo = new ComboBox<>();
            if (choices != null) {
                combo.setItems(choices);
            } else {
                combo.getItems().setAll(fixedChoices);
            }
            combo.setEditable(true);
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.getEditor().textProperty().bindBidirectional(field.textProperty());
            // Picking from the list goes through the editor, so the field sees every change the same way.
            combo.valueProperty().addListener((o, was, now) -> {
                if (now != null && !now.equals(field.textProperty().get())) {
                    field.textProperty().set(now);
                }
            });
            combo.setId(id);
            text = null;
            this.input = combo;
        } else {
            text = new TextField();
            text.textProperty().bindBidirectional(field.textProperty());
            text.setId(id);
            combo = null;
            this.input = text;
        }
        Node input = this.input;
        label.setLabelFor(input);
        if (hint != null) {
            Tooltip.install(input, new Tooltip(hint));
        }
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(field.errorProperty());
        error.visibleProperty().bind(field.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId(id + "-error");
        field.errorProperty().addListener((o, a, b) -> markInvalid(input, !b.isEmpty()));
        markInvalid(input, field.hasError());
        box.getChildren().addAll(label, input, error);
    }

    /** A text input. */
    public static FieldView text(InputField field, String id, String hint) {
        return new FieldView(field, id, hint, null, null);
    }

    /** An editable combo: type anything, or pick one of {@code choices}. */
    public static FieldView choices(InputField field, String id, String hint, List<String> choices) {
        return new FieldView(field, id, hint, null, choices);
    }

    /** An editable combo whose choices change (e.g. the saved schedules). */
    public static FieldView choices(InputField field, String id, String hint, ObservableList<String> choices) {
        return new FieldView(field, id, hint, choices, null);
    }

    /**
     * Puts {@code extra} (a button that fills the field: a file chooser, a menu) on the input's line, right of it;
     * the input keeps the rest of the width.
     */
    public FieldView withBeside(Node extra) {
        int at = box.getChildren().indexOf(input);
        HBox line = new HBox(4);
        box.getChildren().set(at, line);
        line.getChildren().setAll(input, extra);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        if (input instanceof javafx.scene.layout.Region r) {
            r.setMinWidth(40); // a long path in the field must not push the button out of the form
            r.setPrefWidth(60);
        }
        return this;
    }

    /** Adds a line under the input (above its error), such as a note on what the value means. */
    public FieldView withNote(Node note) {
        box.getChildren().add(box.getChildren().size() - 1, note);
        return this;
    }

    /** Shows {@code text} as the label instead of the field's capitalised name (a key as it is typed: "beta1"). */
    public FieldView withLabel(String text) {
        label.setText(text);
        return this;
    }

    /** Shows {@code prompt} in the empty input (the value used when it stays empty). */
    public FieldView withPrompt(String prompt) {
        if (text != null) {
            text.setPromptText(prompt);
        } else {
            combo.setPromptText(prompt);
        }
        return this;
    }

    public VBox node() {
        return box;
    }

    /** The text input, or null for a combo. */
    public TextField textField() {
        return text;
    }

    public ComboBox<String> comboBox() {
        return combo;
    }

    private static void markInvalid(Node input, boolean invalid) {
        if (invalid) {
            if (!input.getStyleClass().contains("invalid")) {
                input.getStyleClass().add("invalid");
            }
        } else {
            input.getStyleClass().remove("invalid");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
