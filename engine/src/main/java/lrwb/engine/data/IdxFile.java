package lrwb.engine.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

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
        byte[] bytes = PlainOrGzip.read(path, display, in -> in.readAllBytes());
        ByteBuffer header = header(bytes, display, IMAGES_MAGIC, IMAGES_HEADER_BYTES);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int columns = header.getInt(12);
        if (count <= 0 || rows <= 0 || columns <= 0) {
            throw new DataException(display + ": the header says " + count + " images of " + rows + "x" + columns
                    + " pixels; it needs at least one image of at least 1x1");
        }
        long expected = (long) count * rows * columns;
        long actual = bytes.length - IMAGES_HEADER_BYTES;
        if (expected != actual) {
            throw new DataException(display + ": the header says " + count + " images of " + rows + "x" + columns
                    + " pixels (" + expected + " bytes), but the file holds " + actual + " bytes of pixels");
        }
        int kept = keep(count, limit);
        return new Images(display, count, rows, columns,
                Arrays.copyOfRange(bytes, IMAGES_HEADER_BYTES, IMAGES_HEADER_BYTES + kept * rows * columns));
    }

    static Labels readLabels(Path path, String display, Integer limit) {
        byte[] bytes = PlainOrGzip.read(path, display, in -> in.readAllBytes());
        ByteBuffer header = header(bytes, display, LABELS_MAGIC, LABELS_HEADER_BYTES);
        int count = header.getInt(4);
        if (count <= 0) {
            throw new DataException(display + ": the header says " + count + " labels; it needs at least one");
        }
        long actual = bytes.length - LABELS_HEADER_BYTES;
        if (count != actual) {
            throw new DataException(display + ": the header says " + count + " labels, but the file holds " + actual);
        }
        int kept = keep(count, limit);
        return new Labels(display, count, Arrays.copyOfRange(bytes, LABELS_HEADER_BYTES, LABELS_HEADER_BYTES + kept));
    }

    private static int keep(int count, Integer limit) {
        return limit == null ? count : Math.min(count, limit);
    }

    private static ByteBuffer header(byte[] bytes, String display, int magic, int headerBytes) {
        String kind = magic == IMAGES_MAGIC ? "image" : "label";
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
