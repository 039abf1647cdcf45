package lrwb.app.form;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * One button per {@link DataFileKind} under a dataset field: each opens a file or folder chooser and writes the
 * dataset text for the choice into the field. Ids: {@code idPrefix-open-csv}, {@code -idx}, {@code -cifar},
 * {@code -images}; then, given an {@link ImagePreview}, {@code idPrefix-preview-images}. The buttons wrap when the form is narrow.
 */
public final class DataFileButtons {
    private final FlowPane pane = new FlowPane(6, 6);

    /** The open buttons and, last, "Preview images…" for what the field names. */
    public DataFileButtons(InputField dataset, String idPrefix, ImagePreview preview) {
        this(dataset, idPrefix);
        pane.getChildren().add(new ImagePreviewView(preview, idPrefix).button());
    }

    public DataFileButtons(InputField dataset, String idPrefix) {
        for (DataFileKind kind : DataFileKind.all()) {
            Button button = new Button(kind.buttonText());
            button.setId(idPrefix + "-open-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            button.setTooltip(new Tooltip(kind.tooltip()));
            button.setOnAction(e -> {
                File chosen = choose(kind);
                if (chosen != null) {
                    dataset.textProperty().set(kind.source(chosen.toPath()));
                }
            });
            pane.getChildren().add(button);
        }
    }

    public Region node() {
        return pane;
    }

    private File choose(DataFileKind kind) {
        var window = pane.getScene().getWindow();
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
