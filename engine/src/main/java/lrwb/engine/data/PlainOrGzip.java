package lrwb.engine.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a data file that may be gzip-compressed, deciding by its first two bytes rather than its name, so
 * {@code data.csv.gz}, a gzip saved as {@code data.csv} and a plain {@code .gz}-named file all work. Every
 * I/O failure becomes a {@link DataException} naming the file.
 */
final class PlainOrGzip {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private PlainOrGzip() {
    }

    /** What to do with the opened (and, if needed, decompressed) stream. */
    @FunctionalInterface
    interface Body<T> {
        T read(InputStream in) throws IOException;
    }

    /** @param display the file as the user named it, for messages */
    static <T> T read(Path path, String display, Body<T> body) {
        FileProblem.ofFile(path).ifPresent(why -> {
            throw new DataException(display + (why.startsWith("is ") ? " " : ": ") + why);
        });
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (IOException e) {
            throw new DataException(display + ": cannot read the file (" + FileProblem.of(e) + ")", e);
        }
        try (raw) {
            return read(raw, display, body);
        } catch (IOException e) {
            throw new DataException(display + ": cannot read the file (" + FileProblem.of(e) + ")", e);
        }
    }

    /** The same for a stream someone else opened and closes (a classpath resource). */
    static <T> T read(InputStream raw, String display, Body<T> body) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
            in.reset();
            return body.read(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in);
        } catch (ZipException e) {
            throw new DataException(display + ": damaged gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new DataException(display + ": cannot read the file (" + reason + ")", e);
        }
    }
}
