package lrwb.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The network a training run saved ({@code run:DIR}): its {@code model.zip}, weights and updater state, written at
 * each epoch's end. A range test from it is "a range test from these weights"; a training run from it continues
 * the run (the updater state is kept when the optimizer is the same).
 *
 * @param dir the run's folder, absolute
 */
public record SavedRunModel(Path dir) implements ModelSpec {
    /** The file a training run saves its network in; the run package writes it under this name. */
    public static final String FILE_NAME = "model.zip";

    public SavedRunModel {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path zip() {
        return dir.resolve(FILE_NAME);
    }

    @Override
    public String describe() {
        return "run:" + dir;
    }

    @Override
    public String shortName() {
        return "run:" + dir.getFileName();
    }

    @Override
    public Optional<String> mismatch(NetworkShape shape, String datasetName) {
        if (!Files.isDirectory(dir)) {
            return Optional.of("--model " + describe() + ": no such folder");
        }
        if (!Files.isRegularFile(zip())) {
            return Optional.of("--model " + describe() + ": the folder holds no saved network (" + FILE_NAME
                    + "); training runs save one at the end of each epoch");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return describe();
    }
}
