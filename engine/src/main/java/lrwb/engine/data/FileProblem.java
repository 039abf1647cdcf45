package lrwb.engine.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a file the user named cannot be read, in the words of the problem: "no such file", "is a folder, not a
 * file", "permission denied". The same wording for data files and schedule files, so a user can fix it without
 * guessing (an unreadable file used to be reported as missing).
 */
public final class FileProblem {
    private FileProblem() {
    }

    /** The reason a regular file cannot be opened for reading, or empty when it can be. */
    public static Optional<String> ofFile(Path path) {
        if (Files.isDirectory(path)) {
            return Optional.of("is a folder, not a file");
        }
        if (!Files.exists(path)) {
            return Optional.of(Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? "no such file (a broken symbolic link)" : "no such file");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("is not a regular file");
        }
        if (!Files.isReadable(path)) {
            return Optional.of("permission denied");
        }
        return Optional.empty();
    }

    /** The reason in an I/O error while opening or reading. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
