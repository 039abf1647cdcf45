package lrwb.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny MNIST-format files for tests: big-endian headers (magic 2051 / 2049), one byte per value. */
final class IdxFiles {
    private IdxFiles() {
    }

    /** Images of {@code rows x columns} pixels; {@code pixels[i]} is image i, row-major. */
    static byte[] images(int rows, int columns, int[][] pixels) {
        return images(pixels.length, rows, columns, pixels);
    }

    /** The same with a header count that may lie about the payload. */
    static byte[] images(int declaredCount, int rows, int columns, int[][] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxFile.IMAGES_MAGIC);
            out.writeInt(declaredCount);
            out.writeInt(rows);
            out.writeInt(columns);
            for (int[] image : pixels) {
                for (int p : image) {
                    out.writeByte(p);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** Colour images in four dimensions, {@code count x d1 x d2 x d3} as the header says; {@code pixels[i]} is image i in file order. */
    static byte[] colourImages(int d1, int d2, int d3, int[][] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxFile.COLOUR_IMAGES_MAGIC);
            out.writeInt(pixels.length);
            out.writeInt(d1);
            out.writeInt(d2);
            out.writeInt(d3);
            for (int[] image : pixels) {
                for (int p : image) {
                    out.writeByte(p);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int... labels) {
        return labelsDeclaring(labels.length, labels);
    }

    /** Labels with a header count that may lie about the payload. */
    static byte[] labelsDeclaring(int declaredCount, int... labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxFile.LABELS_MAGIC);
            out.writeInt(declaredCount);
            for (int label : labels) {
                out.writeByte(label);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) throws IOException {
        return Files.write(file, content);
    }

    static Path writeGzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }
}
