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
 * <p>
 * Colour images come as IDX files of four dimensions (magic 2052): {@code count × rows × columns × channels}, the
 * layout numpy's {@code (n, h, w, c)} arrays and image libraries write, or {@code count × channels × rows ×
 * columns} (PyTorch's). The last dimension is taken as the channels when it is 1, 3 or 4; else the second.
 */
final class IdxFile {
    static final int IMAGES_MAGIC = 2051;
    /** Unsigned bytes in four dimensions: colour images. */
    static final int COLOUR_IMAGES_MAGIC = 2052;
    static final int LABELS_MAGIC = 2049;
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int COLOUR_IMAGES_HEADER_BYTES = 20;
    private static final int LABELS_HEADER_BYTES = 8;

    private IdxFile() {
    }

    /**
     * @param declared the image count in the header (all of them, even when a limit keeps fewer)
     * @param pixels   {@code kept * channels * rows * columns} unsigned bytes, per image channel by channel, each
     *                 row-major (the engine's (channel, row, column) order, whatever the file's)
     */
    record Images(String display, int declared, int channels, int rows, int columns, byte[] pixels) {
        int kept() {
            return pixels.length / (channels * rows * columns);
        }

        String size() {
            return rows + "x" + columns + (channels == 1 ? "" : "x" + channels);
        }
    }

    /** @param values one unsigned byte per kept label */
    record Labels(String display, int declared, byte[] values) {
    }

    static Images readImages(Path path, String display, Integer limit) {
        return PlainOrGzip.read(path, display, in -> {
            ByteBuffer header = imageHeader(in, display);
            boolean colour = header.getInt(0) == COLOUR_IMAGES_MAGIC;
            int count = header.getInt(4);
            int[] dims = colour ? new int[]{header.getInt(8), header.getInt(12), header.getInt(16)}
                    : new int[]{header.getInt(8), header.getInt(12), 1};
            boolean channelsLast = !colour || isChannelCount(dims[2]) || !isChannelCount(dims[0]);
            int channels = channelsLast ? dims[2] : dims[0];
            int rows = channelsLast ? dims[0] : dims[1];
            int columns = channelsLast ? dims[1] : dims[2];
            String size = rows + "x" + columns + (colour ? "x" + channels : "");
            if (count <= 0 || rows <= 0 || columns <= 0 || channels <= 0) {
                throw new DataException(display + ": the header says " + count + " images of " + size
                        + " pixels; it needs at least one image of at least 1x1");
            }
            if (colour && !isChannelCount(channels)) {
                throw new DataException(display + ": the header says images of " + dims[0] + "x" + dims[1] + "x" + dims[2]
                        + "; a colour IDX file needs 1, 3 or 4 channels as its last (or first) image dimension");
            }
            long perImage = (long) channels * rows * columns;
            long expected = count * perImage;
            int kept = keep(count, limit);
            long keptBytes = kept * perImage;
            if (keptBytes > Integer.MAX_VALUE - 8) {
                throw new DataException(display + ": the header says " + count + " images of " + size
                        + " pixels (" + expected + " bytes), more than one IDX file can hold here (2 GiB); read fewer (--limit)");
            }
            // the pixels, their float copy (4 bytes each) and the training copy ND4J makes
            MemoryCheck.require(display + " (" + kept + " images of " + size + ")", 9 * keptBytes,
                    "read fewer images (--limit) or give Java more memory");
            byte[] pixels = in.readNBytes((int) keptBytes);
            long actual = pixels.length + (pixels.length < keptBytes ? 0 : in.transferTo(OutputStream.nullOutputStream()));
            if (expected != actual) {
                throw new DataException(display + ": the header says " + count + " images of " + size
                        + " pixels (" + expected + " bytes), but the file holds " + actual + " bytes of pixels");
            }
            return new Images(display, count, channels, rows, columns,
                    colour && channelsLast && channels > 1 ? channelsFirst(pixels, kept, rows * columns, channels) : pixels);
        });
    }

    private static boolean isChannelCount(int n) {
        return n == 1 || n == 3 || n == 4;
    }

    /** (row, column, channel) per image to (channel, row, column). */
    private static byte[] channelsFirst(byte[] pixels, int images, int plane, int channels) {
        byte[] out = new byte[pixels.length];
        int perImage = plane * channels;
        for (int i = 0; i < images; i++) {
            int base = i * perImage;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    out[base + c * plane + p] = pixels[base + p * channels + c];
                }
            }
        }
        return out;
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

    /** An image file's header: three dimensions (grey) or four (colour). */
    private static ByteBuffer imageHeader(InputStream in, String display) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length == 4 && ByteBuffer.wrap(start).getInt() == COLOUR_IMAGES_MAGIC) {
            byte[] rest = in.readNBytes(COLOUR_IMAGES_HEADER_BYTES - 4);
            if (rest.length < COLOUR_IMAGES_HEADER_BYTES - 4) {
                throw new DataException(display + ": the IDX header is cut short (" + (4 + rest.length)
                        + " bytes, expected " + COLOUR_IMAGES_HEADER_BYTES + ")");
            }
            return ByteBuffer.allocate(COLOUR_IMAGES_HEADER_BYTES).put(start).put(rest).flip();
        }
        return header(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start), in), display,
                IMAGES_MAGIC, IMAGES_HEADER_BYTES);
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
                    + ", expected " + (magic == IMAGES_MAGIC ? magic + " or " + COLOUR_IMAGES_MAGIC : magic) + ")");
        }
        if (bytes.length < headerBytes) {
            throw new DataException(display + ": the IDX header is cut short (" + bytes.length + " bytes, expected "
                    + headerBytes + ")");
        }
        return header;
    }
}
