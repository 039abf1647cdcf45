package lrwb.app.model;

import lrwb.engine.model.FileModel;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.SavedRunModel;
import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.files.ModelFileInfo;
import lrwb.engine.model.files.ModelFiles;

import java.text.NumberFormat;
import java.util.Locale;

/** What a network file or a run's saved network holds, in one line for the model picker's note. Reads the file. */
final class FileContents {
    private FileContents() {
    }

    /**
     * @param text a {@code keras:}, {@code dl4j:} or {@code run:} model text
     * @throws IllegalArgumentException why the file cannot be used, in the engine's words
     */
    static String describe(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        ModelFileInfo info;
        if (spec instanceof FileModel file) {
            info = ModelFiles.describe(file.format(), file.path());
        } else if (spec instanceof SavedRunModel run) {
            if (!java.nio.file.Files.isRegularFile(run.zip())) {
                throw new IllegalArgumentException("this run has saved no network (" + SavedRunModel.FILE_NAME + ")");
            }
            info = ModelFiles.describe(ModelFileFormat.DL4J, run.zip());
        } else {
            throw new IllegalArgumentException("not a network file");
        }
        return info.kind() + ": " + info.inputShape() + " → " + info.outputWidth() + " outputs, "
                + NumberFormat.getIntegerInstance(Locale.ROOT).format(info.totalParams()) + " parameters in "
                + info.layers().size() + " layers";
    }
}
