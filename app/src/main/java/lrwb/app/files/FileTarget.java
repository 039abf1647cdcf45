package lrwb.app.files;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an export goes: asks the user (a file chooser) in the app, answers at once in tests. */
@FunctionalInterface
public interface FileTarget {
    /**
     * @param suggested where the file would go by default
     * @return the chosen file, or null when the user cancelled
     */
    Path choose(Window owner, String title, String extension, Path suggested);

    /** A save dialog that opens in the suggested folder with the suggested name. */
    static FileTarget dialog() {
        return (owner, title, extension, suggested) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
            Path dir = suggested.getParent();
            try {
                Files.createDirectories(dir);
                chooser.setInitialDirectory(dir.toFile());
            } catch (Exception e) {
                // No folder to start in: the chooser opens wherever it likes; the export still works.
            }
            chooser.setInitialFileName(suggested.getFileName().toString());
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }
}
