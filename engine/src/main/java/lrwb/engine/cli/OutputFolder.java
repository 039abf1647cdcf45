package lrwb.engine.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out DIR}: created when missing; a path that cannot be a folder is bad input, not a failure. */
final class OutputFolder {
    private OutputFolder() {
    }

    static void create(Path out) throws IOException {
        try {
            Files.createDirectories(out);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + out + ": " + e.getFile() + " is a file, not a folder");
        } catch (FileSystemException e) {
            throw new BadInputException("--out " + out + ": cannot create the folder ("
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
        }
    }
}
