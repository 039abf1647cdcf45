package lrwb.app.files;

import lrwb.app.stream.TaskExecutor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

/**
 * An image written as a PNG file, off the FX thread: encoding a 2x chart image takes tens of milliseconds and the
 * disk may be slow. The snapshot itself is taken on the FX thread (see {@code chart.PngExport}).
 */
public final class PngFile {
    private PngFile() {
    }

    /**
     * Writes {@code image} to {@code file} (creating its folder) on {@code executor}.
     *
     * @return completes on the FX thread with null once written, or with why it could not be written
     */
    public static CompletableFuture<IOException> write(TaskExecutor executor, BufferedImage image, Path file) {
        return executor.supply(() -> {
            write(image, file);
            return null;
        }).handle((done, error) -> {
            if (error == null) {
                return null;
            }
            Throwable cause = TaskExecutor.cause(error);
            return cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        });
    }

    /** Any thread but the FX thread. Written beside and then moved over {@code file}: never seen half-written. */
    public static void write(BufferedImage image, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
