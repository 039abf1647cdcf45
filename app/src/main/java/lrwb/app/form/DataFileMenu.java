package lrwb.app.form;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The "…" menu beside a dataset field (as the model field has one): an item per {@link DataFileKind}, each opening a
 * file or folder chooser and writing the dataset text for the choice into the field; and, given an
 * {@link ImagePreview}, the "Preview images…" button for under the field. One line instead of a block of buttons
 * keeps a form's essential fields in view. Ids: {@code idPrefix-open} for the menu, {@code idPrefix-open-csv},
 * {@code -idx}, {@code -cifar}, {@code -images} for its items, {@code idPrefix-preview-images} for the button.
 */
public final class DataFileMenu {
    private final MenuButton menu = new MenuButton("…");
    private final Button preview;

    /** The menu and "Preview images…" for what the field names. */
    public DataFileMenu(InputField dataset, String idPrefix, ImagePreview preview) {
        menu.setId(idPrefix + "-open");
        menu.setTooltip(new javafx.scene.control.Tooltip("Open a CSV file, or an IDX, CIFAR or image folder"));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        for (DataFileKind kind : DataFileKind.all()) {
            // a label as the item, so the kind's tooltip (what the folder must hold) shows on it
            javafx.scene.control.Label text = new javafx.scene.control.Label(kind.buttonText());
            javafx.scene.control.Tooltip.install(text, new javafx.scene.control.Tooltip(kind.tooltip()));
            CustomMenuItem item = new CustomMenuItem(text);
            item.setId(idPrefix + "-open-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> {
                File chosen = choose(kind);
                if (chosen != null) {
                    dataset.textProperty().set(kind.source(chosen.toPath()));
                }
            });
            menu.getItems().add(item);
        }
        this.preview = new ImagePreviewView(preview, idPrefix).button();
    }

    /** The menu, for beside the field ({@link FieldView#withBeside}). */
    public MenuButton menu() {
        return menu;
    }

    /** "Preview images…", for under the field. */
    public Button previewButton() {
        return preview;
    }

    private File choose(DataFileKind kind) {
        var window = menu.getScene().getWindow();
        if (kind.folder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(kind.chooserTitle());
            return chooser.showDialog(window);
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(kind.chooserTitle());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (plain or .gz)", "*.csv", "*.csv.gz", "*.gz", "*.txt"));
        return chooser.showOpenDialog(window);
    }
}
