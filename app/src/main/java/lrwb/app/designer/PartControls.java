package lrwb.app.designer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The controls that edit a sequential's parts, under each "Part N · Type" heading (its type, move up/down,
 * remove) and below the last part (add a part of a type). They only call the ViewModel; the form is rebuilt
 * from the new tree afterwards.
 */
final class PartControls {
    private PartControls() {
    }

    /**
     * Type, move up, move down, remove: one row that wraps rather than cut a label when the editor is narrow.
     * The heading above already reads "Part N · Type", so the choice needs no label of its own.
     */
    static FlowPane of(ParamForm.Section part, DesignerViewModel vm) {
        int i = part.part();
        String n = "part " + (i + 1);
        ChoiceBox<String> type = new ChoiceBox<>();
        type.getItems().addAll(ScheduleTypes.PART_TYPES);
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "" : ScheduleTypes.title(t);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        type.setValue(part.partType());
        type.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) {
                vm.changePartType(i, b);
            }
        });
        type.setPrefWidth(140); // the row fits the editor at the default window size
        type.setId("part-" + i + "-type");
        type.setTooltip(new Tooltip("Replace " + n + " by another type's starting values; its peak LR is kept"));
        type.setAccessibleText("Type of " + n);

        Button up = small("↑", "part-" + i + "-up", "Move " + n + " earlier: it swaps places with the part before; the milestones stay");
        up.setOnAction(e -> vm.movePart(i, -1));
        up.setDisable(i == 0);
        Button down = small("↓", "part-" + i + "-down", "Move " + n + " later: it swaps places with the part after; the milestones stay");
        down.setOnAction(e -> vm.movePart(i, 1));
        down.setDisable(i == part.parts() - 1);
        Button remove = new Button("Remove");
        remove.setId("part-" + i + "-remove");
        remove.setTooltip(new Tooltip("Remove " + n + " and the milestone that starts it"));
        remove.setAccessibleText("Remove " + n);
        remove.setOnAction(e -> vm.removePart(i));
        remove.setMinWidth(Region.USE_PREF_SIZE);

        FlowPane row = new FlowPane(6, 4, type, up, down, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("part-controls");
        return row;
    }

    /** "Add part ▾": one item per type a part can have. */
    static MenuButton addPart(DesignerViewModel vm) {
        MenuButton add = new MenuButton("_Add part");
        add.setId("add-part");
        add.setTooltip(new Tooltip("Append a part after the last one; it takes over a quarter of the chart after the last milestone"));
        for (String t : ScheduleTypes.PART_TYPES) {
            ScheduleTypes.Entry e = ScheduleTypes.of(t);
            MenuItem item = new MenuItem(e.title());
            item.setId("add-part-" + t);
            item.setOnAction(ev -> vm.addPart(t));
            add.getItems().add(item);
        }
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.getStyleClass().add("add-part");
        return add;
    }

    private static Button small(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.getStyleClass().add("part-move");
        return b;
    }
}
