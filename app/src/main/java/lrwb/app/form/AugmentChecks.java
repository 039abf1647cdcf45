package lrwb.app.form;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataException;

/**
 * Check boxes for the usual augmentations under the augment field: crop, flip and cutout switch their part of the
 * field's text on and off (keeping a padding or square size typed there), and follow the text as it is typed. The
 * text stays the one truth, so run.json, the CLI form and the boxes never disagree.
 */
public final class AugmentChecks {
    /** The padding a checked crop gets when the text names none (the article's CIFAR recipe). */
    static final int DEFAULT_CROP = 4;

    public enum Part {
        CROP("crop", "Pad 4 pixels and cut a random window (crop:4)"),
        FLIP("flip", "Mirror left-right with probability 0.5"),
        CUTOUT("cutout", "Random erasing (Keras' get_random_eraser), or the cutout:N square typed in the field");

        private final String label;
        private final String tooltip;

        Part(String label, String tooltip) {
            this.label = label;
            this.tooltip = tooltip;
        }
    }

    private final FlowPane pane = new FlowPane(12, 4);
    private boolean updating;

    public AugmentChecks(InputField augment, String idPrefix) {
        for (Part part : Part.values()) {
            CheckBox box = new CheckBox(part.label);
            box.setId(idPrefix + "-augment-" + part.label);
            box.setTooltip(new Tooltip(part.tooltip));
            box.getStyleClass().add("field-label"); // the form's dark text: modena derives a check box's from the background, pale here
            box.selectedProperty().addListener((o, was, on) -> {
                if (!updating) {
                    augment.textProperty().set(toggled(augment.text(), part, on));
                }
            });
            pane.getChildren().add(box);
        }
        augment.textProperty().addListener((o, was, now) -> follow(now));
        follow(augment.text());
    }

    public Region node() {
        return pane;
    }

    private void follow(String text) {
        Augmentation a;
        try {
            a = Augmentation.parse(text);
        } catch (DataException e) {
            return; // the field says what is wrong; the boxes keep their state
        }
        updating = true;
        try {
            ((CheckBox) pane.getChildren().get(Part.CROP.ordinal())).setSelected(a.cropPadding() > 0);
            ((CheckBox) pane.getChildren().get(Part.FLIP.ordinal())).setSelected(a.flip());
            ((CheckBox) pane.getChildren().get(Part.CUTOUT.ordinal())).setSelected(a.cutoutSize() > 0 || a.randomErasing());
        } finally {
            updating = false;
        }
    }

    /** The augment text with {@code part} switched on or off; text that does not read counts as none. */
    static String toggled(String text, Part part, boolean on) {
        Augmentation a;
        try {
            a = Augmentation.parse(text);
        } catch (DataException e) {
            a = Augmentation.parse(Augmentation.NONE);
        }
        Augmentation changed = switch (part) {
            case CROP -> new Augmentation(on ? (a.cropPadding() > 0 ? a.cropPadding() : DEFAULT_CROP) : 0, a.flip(),
                    a.cutoutSize(), a.randomErasing());
            case FLIP -> new Augmentation(a.cropPadding(), on, a.cutoutSize(), a.randomErasing());
            case CUTOUT -> new Augmentation(a.cropPadding(), a.flip(), on ? a.cutoutSize() : 0,
                    on && a.cutoutSize() == 0);
        };
        return changed.text();
    }
}
