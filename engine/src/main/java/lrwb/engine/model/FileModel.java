package lrwb.engine.model;

import lrwb.engine.model.files.ModelFileFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A network read from a file the user has: a Keras HDF5 model ({@code keras:PATH}) or a DL4J ModelSerializer zip
 * ({@code dl4j:PATH}), weights included. The run's optimizer and LR replace the file's own.
 *
 * @param path absolute
 */
public record FileModel(ModelFileFormat format, Path path) implements ModelSpec {
    public FileModel {
        Objects.requireNonNull(format, "format");
        path = path.toAbsolutePath().normalize();
    }

    /** {@code keras} or {@code dl4j}: the form's name. */
    public String formName() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return formName() + ":" + path;
    }

    @Override
    public String shortName() {
        return formName() + ":" + path.getFileName();
    }

    @Override
    public Optional<String> mismatch(NetworkShape shape, String datasetName) {
        if (!Files.isRegularFile(path)) {
            return Optional.of("--model " + describe() + ": no such file");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return describe();
    }
}
