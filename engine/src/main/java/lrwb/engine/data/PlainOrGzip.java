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
    /**
     * The most a gzip file may inflate to: as much as one IDX file can hold (a Java array), far more than any
     * CSV the workbench trains on. A small file that inflates to gigabytes (a gzip bomb) is refused when it
     * passes the limit, having never been held in memory.
     */
    static final long MAX_INFLATED_BYTES = Integer.MAX_VALUE;

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
        return read(raw, display, body, MAX_INFLATED_BYTES);
    }

    /** @param maxInflated the most the decompressed data may hold, in bytes */
    static <T> T read(InputStream raw, String display, Body<T> body, long maxInflated) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
            in.reset();
            return body.read(gzip ? new BufferedInputStream(new Capped(new GZIPInputStream(in, 1 << 16), maxInflated), 1 << 16) : in);
        } catch (Capped.LimitReached e) {
            throw new DataException(display + ": the gzip data inflates to more than " + e.limit + " bytes ("
                    + MemoryCheck.megabytes(e.limit) + "), the limit for compressed data; decompress it yourself or read"
                    + " fewer rows (--limit)", e);
        } catch (ZipException e) {
            throw new DataException(display + ": damaged gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new DataException(display + ": cannot read the file (" + reason + ")", e);
        }
    }

    /** Counts the inflated bytes and stops at the limit, so a gzip bomb is refused without being inflated. */
    private static final class Capped extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        static final class LimitReached extends IOException {
            final long limit;

            LimitReached(long limit) {
                super("more than " + limit + " bytes");
                this.limit = limit;
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws LimitReached {
            count += n;
            if (count > limit) {
                throw new LimitReached(limit);
            }
        }
    }
}
