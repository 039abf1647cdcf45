package lrwb.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * Unsigned 8-bit pixels straight into the float matrix {@link LoadedData} holds, scaled to [0, 1] as idx's are.
 * The engine's networks read float features, so the float copy is the one the run needs; converting into
 * ND4J's native buffer a block at a time keeps a second float copy (a CIFAR-10 training set is 600 MB of
 * floats) off the Java heap: the peak is the bytes plus the floats the network reads.
 */
final class ImagePixels {
    private static final int BLOCK_VALUES = 1 << 16;

    private ImagePixels() {
    }

    /**
     * @param pixels one image after another, each {@code shape.pixels()} bytes in (channel, row, column) order
     * @param labels one class index per image, in [0, numClasses)
     */
    static DataSet toDataSet(byte[] pixels, ImageShape shape, int[] labels, int numClasses) {
        int n = labels.length;
        if ((long) n * shape.pixels() != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes for " + n + " images of " + shape.pixels());
        }
        INDArray features = Nd4j.createUninitialized(DataType.FLOAT, n, shape.pixels());
        FloatBuffer into = features.data().asNioFloat();
        float[] block = new float[Math.min(BLOCK_VALUES, pixels.length)];
        for (int from = 0; from < pixels.length; from += block.length) {
            int count = Math.min(block.length, pixels.length - from);
            for (int i = 0; i < count; i++) {
                block[i] = Byte.toUnsignedInt(pixels[from + i]) / 255f;
            }
            into.put(block, 0, count);
        }
        float[] oneHot = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            oneHot[i * numClasses + labels[i]] = 1f;
        }
        return new DataSet(features, Nd4j.create(oneHot, new long[]{n, numClasses}, DataType.FLOAT));
    }
}
