package lrwb.app.designer;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The controls of a {@link ParamForm}: per parameter, its JSON name, a slider (log-scaled for learning rates)
 * and a text field that show the same value, or a check box, choice box or list field; under it, the spec's
 * message when the value is rejected. Built once per form; the form's properties carry all state.
 */
final class ParamFormView {
    private ParamFormView() {
    }

    /**
     * @param parts what the part controls of a sequential do (the Designer's ViewModel)
     */
    static VBox build(ParamForm form, DesignerViewModel parts) {
        VBox box = new VBox(10);
        box.getStyleClass().add("param-form");
        boolean sequential = form.curve().type().equals("sequential");
        for (ParamForm.Section section : form.sections()) {
            if (sequential && !section.isPart() && section == form.sections().get(form.sections().size() - 1)) {
                // Below the last part, before the milestones that join them.
                box.getChildren().add(PartControls.addPart(parts));
            }
            Label title = new Label(section.title());
            title.getStyleClass().add("form-section");
            box.getChildren().add(title);
            if (section.isPart()) {
                title.getStyleClass().add("part-heading");
                box.getChildren().add(PartControls.of(section, parts));
            }
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(2);
            ColumnConstraints name = new ColumnConstraints();
            name.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints control = new ColumnConstraints();
            control.setHgrow(Priority.ALWAYS);
            control.setMinWidth(60);
            ColumnConstraints text = new ColumnConstraints(78);
            grid.getColumnConstraints().addAll(name, control, text);
            int row = 0;
            for (ParamField f : section.fields()) {
                row = addField(grid, row, f);
            }
            box.getChildren().add(grid);
        }
        return box;
    }

    private static int addField(GridPane grid, int row, ParamField f) {
        ParamInfo info = f.info();
        Label name = new Label(info.name());
        name.getStyleClass().add("param-name");
        Tooltip tip = new Tooltip(info.help() + (info.optional() ? " (optional)" : ""));
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        name.setTooltip(tip);
        grid.add(name, 0, row);
        String id = "field-" + f.fieldId().replaceAll("[^A-Za-z0-9]+", "-");
        Node input;
        switch (info.kind()) {
            case NUMBER, INTEGER -> {
                Slider slider = new Slider(f.sliderMin(), f.sliderMax(), f.sliderProperty().get());
                slider.valueProperty().bindBidirectional(f.sliderProperty());
                slider.setBlockIncrement((f.sliderMax() - f.sliderMin()) / 50);
                slider.setId(id + "-slider");
                slider.setTooltip(tip);
                slider.setAccessibleText(info.name());
                TextField field = textField(f, id, tip);
                field.setPromptText(info.optional() ? "none" : "");
                grid.add(slider, 1, row);
                grid.add(field, 2, row);
                input = field;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.selectedProperty().bindBidirectional(f.checkedProperty());
                box.setId(id);
                box.setTooltip(tip);
                box.setAccessibleText(info.name());
                grid.add(box, 1, row);
                input = box;
            }
            case CHOICE -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().addAll(info.choices());
                if (!f.textProperty().get().isEmpty() && !info.choices().contains(f.textProperty().get())) {
                    choice.getItems().add(f.textProperty().get());
                }
                choice.valueProperty().bindBidirectional(f.textProperty());
                choice.setId(id);
                choice.setTooltip(tip);
                choice.setAccessibleText(info.name());
                grid.add(choice, 1, row, 2, 1);
                input = choice;
            }
            default -> {
                TextField field = textField(f, id, tip);
                field.setPromptText("e.g. 50, 80");
                grid.add(field, 1, row, 2, 1);
                input = field;
            }
        }
        name.setLabelFor(input);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId(id + "-error");
        GridPane.setHalignment(error, HPos.LEFT);
        grid.add(error, 0, row + 1, 3, 1);
        f.errorProperty().addListener((o, a, b) -> markInvalid(input, !b.isEmpty()));
        markInvalid(input, !f.errorProperty().get().isEmpty());
        GridPane.setMargin(input, new Insets(2, 0, 2, 0));
        return row + 2;
    }

    private static TextField textField(ParamField f, String id, Tooltip tip) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(f.textProperty());
        field.setId(id);
        field.setTooltip(tip);
        field.setAccessibleText(f.info().name());
        field.getProperties().put("fieldId", f.fieldId());
        field.setPrefColumnCount(7);
        return field;
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
}
