package lrwb.app.form;

import java.nio.file.Path;
import java.util.List;

/**
 * The data a user opens from disk rather than types: what the button says, what the chooser asks for, and the
 * dataset text the chosen path becomes (the engine's source forms, specs/cli.md). No JavaFX here, so the mapping
 * is tested without a window.
 */
public enum DataFileKind {
    CSV("CSV file…", "Your own table: one row per example, the label in the last column (plain or .gz)",
            "Open a CSV file", "csv:", false),
    IDX("IDX folder…", "A folder of MNIST-format files (train-/t10k- images and labels)",
            "Open a folder of MNIST-format (IDX) files", "idx:", true),
    CIFAR("CIFAR folder…", "The CIFAR-10 or CIFAR-100 binary folder as downloaded (data_batch_1.bin … test_batch.bin,"
            + " or train.bin and test.bin); the test batch validates",
            "Open the CIFAR binary folder (cifar-10-batches-bin or cifar-100-binary)", "cifar:", true),
    IMAGES("Image folder…", "PNG/JPEG files in one subfolder per class, resized to 32×32 (add ,size=N to change);"
            + " train/ and test/ (or val/) subfolders are the split when present",
            "Open a folder with one subfolder of PNG/JPEG images per class", "images:", true);

    private final String buttonText;
    private final String tooltip;
    private final String chooserTitle;
    private final String prefix;
    private final boolean folder;

    DataFileKind(String buttonText, String tooltip, String chooserTitle, String prefix, boolean folder) {
        this.buttonText = buttonText;
        this.tooltip = tooltip;
        this.chooserTitle = chooserTitle;
        this.prefix = prefix;
        this.folder = folder;
    }

    /** The dataset field's hint: the built-in names and the forms a path takes. */
    public static final String FIELD_HINT = "iris, moons, spirals, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR"
            + " or images:DIR[,size=N]";

    public static List<DataFileKind> all() {
        return List.of(values());
    }

    public String buttonText() {
        return buttonText;
    }

    public String tooltip() {
        return tooltip;
    }

    public String chooserTitle() {
        return chooserTitle;
    }

    /** Whether the user picks a folder (else a file). */
    public boolean folder() {
        return folder;
    }

    /** The dataset text for a chosen path, e.g. {@code cifar:/data/cifar-10-batches-bin}. */
    public String source(Path chosen) {
        return prefix + chosen.toAbsolutePath();
    }
}
