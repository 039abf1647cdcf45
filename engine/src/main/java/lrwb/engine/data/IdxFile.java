package lrwb.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One MNIST-format (IDX) file, plain or gzip: a big-endian header (magic number, record count, and for
 * images rows and columns) followed by one unsigned byte per pixel or label. The header must agree with
 * the file's size exactly, because a mismatch means a truncated download or the wrong file.
 */
final class IdxFile {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;

    private IdxFile() {
    }

    /**
     * @param declared the image count in the header (all of them, even when a limit keeps fewer)
     * @param pixels   {@code kept * rows * columns} unsigned bytes, row-major per image
     */
    record Images(String display, int declared, int rows, int columns, byte[] pixels) {
        int kept() {
            return pixels.length / (rows * columns);
        }
    }

    /** @param values one unsigned byte per kept label */
    record Labels(String display, int declared, byte[] values) {
    }

    static Images readImages(Path path, String display, Integer limit) {
        return PlainOrGzip.read(path, display, in -> {
            ByteBuffer header = header(in, display, IMAGES_MAGIC, IMAGES_HEADER_BYTES);
            int count = header.getInt(4);
            int rows = header.getInt(8);
            int columns = header.getInt(12);
            if (count <= 0 || rows <= 0 || columns <= 0) {
                throw new DataException(display + ": the header says " + count + " images of " + rows + "x" + columns
                        + " pixels; it needs at least one image of at least 1x1");
            }
            long expected = (long) count * rows * columns;
            int kept = keep(count, limit);
            long keptBytes = (long) kept * rows * columns;
            if (keptBytes > Integer.MAX_VALUE - 8) {
                throw new DataException(display + ": the header says " + count + " images of " + rows + "x" + columns
                        + " pixels (" + expected + " bytes), more than one IDX file can hold here (2 GiB); read fewer (--limit)");
            }
            // the pixels, their float copy (4 bytes each) and the training copy ND4J makes
            MemoryCheck.require(display + " (" + kept + " images of " + rows + "x" + columns + ")", 9 * keptBytes,
                    "read fewer images (--limit) or give Java more memory");
            byte[] pixels = in.readNBytes((int) keptBytes);
            long actual = pixels.length + (pixels.length < keptBytes ? 0 : in.transferTo(OutputStream.nullOutputStream()));
            if (expected != actual) {
                throw new DataException(display + ": the header says " + count + " images of " + rows + "x" + columns
                        + " pixels (" + expected + " bytes), but the file holds " + actual + " bytes of pixels");
            }
            return new Images(display, count, rows, columns, pixels);
        });
    }

    static Labels readLabels(Path path, String display, Integer limit) {
        return PlainOrGzip.read(path, display, in -> {
            ByteBuffer header = header(in, display, LABELS_MAGIC, LABELS_HEADER_BYTES);
            int count = header.getInt(4);
            if (count <= 0) {
                throw new DataException(display + ": the header says " + count + " labels; it needs at least one");
            }
            int kept = keep(count, limit);
            byte[] values = in.readNBytes(kept);
            long actual = values.length + (values.length < kept ? 0 : in.transferTo(OutputStream.nullOutputStream()));
            if (count != actual) {
                throw new DataException(display + ": the header says " + count + " labels, but the file holds " + actual);
            }
            return new Labels(display, count, values);
        });
    }

    private static int keep(int count, Integer limit) {
        return limit == null ? count : Math.min(count, limit);
    }

    /** Reads the header only; the records follow in the stream, read as far as they are kept. */
    private static ByteBuffer header(InputStream in, String display, int magic, int headerBytes) throws IOException {
        String kind = magic == IMAGES_MAGIC ? "image" : "label";
        byte[] bytes = in.readNBytes(headerBytes);
        if (bytes.length < 4) {
            throw new DataException(display + ": not an IDX " + kind + " file (only " + bytes.length + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        int found = header.getInt(0);
        if (found != magic) {
            throw new DataException(display + ": not an IDX " + kind + " file (magic number " + found
                    + ", expected " + magic + ")");
        }
        if (bytes.length < headerBytes) {
            throw new DataException(display + ": the IDX header is cut short (" + bytes.length + " bytes, expected "
                    + headerBytes + ")");
        }
        return header;
    }
}
