package lrwb.engine.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Rewrites a file so that a reader (or a crash) sees the old content or the new, never half of it. */
public final class AtomicFile {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private AtomicFile() {
    }

    /** What writes a file's whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, String content) throws IOException {
        write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) { // createDirectories on an existing folder throws and catches inside: slow
            Files.createDirectories(dir);
        }
        Path temp = createTemp(dir, "." + file.getFileName());
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A new empty file {@code prefix + PID-N + ".tmp"} in {@code dir}. Not {@link Files#createTempFile}: its random
     * name reads /dev/urandom through SecureRandom, which a run's small record files (run.json at the end) felt.
     */
    private static Path createTemp(Path dir, String prefix) throws IOException {
        while (true) {
            Path temp = dir.resolve(prefix + PID + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // left by a killed process that had the same process id: take the next name
            }
        }
    }
}
