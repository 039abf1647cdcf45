package lrwb.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.FloatBuffer;

/**
 * Per-channel mean and standard deviation of image features in [0, 1], measured on the training split and
 * recorded in run.json. {@link #apply} maps a value {@code v} of channel {@code c} to {@code (v - mean[c]) /
 * (std[c] + EPSILON)}. Unit normalisation (plain [0, 1] pixels) has no stats: a null {@code ChannelStats}.
 */
public record ChannelStats(double[] means, double[] stds) {
    /** Keras' guard against a constant channel (featurewise_std_normalization divides by std + 1e-6). */
    public static final double EPSILON = 1e-6;
    /** Values read and written per step, so a large set is never copied whole onto the heap. */
    private static final int BLOCK = 1 << 16;

    public ChannelStats {
        if (means.length != stds.length || means.length == 0) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " stds");
        }
        means = means.clone();
        stds = stds.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stds() {
        return stds.clone();
    }

    /** Population mean and std per channel over every pixel of every training image (in double). */
    static ChannelStats fitOn(DataSet train, ImageShape shape) {
        int channels = shape.channels();
        double[] sum = new double[channels];
        double[] sumSquares = new double[channels];
        forEachBlock(train.getFeatures(), shape, (block, count, firstIndex) -> {
            int plane = shape.height() * shape.width();
            for (int i = 0; i < count; i++) {
                int c = (int) ((firstIndex + i) % shape.pixels() / plane);
                double v = block[i];
                sum[c] += v;
                sumSquares[c] += v * v;
            }
            return false;
        });
        double perChannel = (double) train.numExamples() * shape.height() * shape.width();
        double[] means = new double[channels];
        double[] stds = new double[channels];
        for (int c = 0; c < channels; c++) {
            means[c] = sum[c] / perChannel;
            stds[c] = Math.sqrt(Math.max(0, sumSquares[c] / perChannel - means[c] * means[c]));
        }
        return new ChannelStats(means, stds);
    }

    /** Normalises the features in place. */
    void apply(DataSet data, ImageShape shape) {
        float[] scale = new float[means.length];
        float[] offset = new float[means.length];
        for (int c = 0; c < means.length; c++) {
            scale[c] = (float) (1 / (stds[c] + EPSILON));
            offset[c] = (float) (-means[c] / (stds[c] + EPSILON));
        }
        int plane = shape.height() * shape.width();
        forEachBlock(data.getFeatures(), shape, (block, count, firstIndex) -> {
            for (int i = 0; i < count; i++) {
                int c = (int) ((firstIndex + i) % shape.pixels() / plane);
                block[i] = block[i] * scale[c] + offset[c];
            }
            return true;
        });
    }

    /** Channel {@code c}'s normalised value of the [0, 1] pixel value {@code v}. */
    float normalised(int c, double v) {
        return (float) ((v - means[c]) / (stds[c] + EPSILON));
    }

    private interface BlockVisitor {
        /** @return whether the block was changed and must be written back */
        boolean visit(float[] block, int count, long firstIndex);
    }

    private static void forEachBlock(INDArray features, ImageShape shape, BlockVisitor visitor) {
        if (features.dataType() != DataType.FLOAT || features.ordering() != 'c' || features.isView()) {
            throw new IllegalArgumentException("image features must be a float C-order matrix of their own");
        }
        long length = features.length();
        if (length % shape.pixels() != 0) {
            throw new IllegalArgumentException(length + " values are not whole images of " + shape.pixels());
        }
        FloatBuffer values = features.data().asNioFloat();
        float[] block = new float[(int) Math.min(BLOCK, Math.max(1, length))];
        for (long from = 0; from < length; from += block.length) {
            int count = (int) Math.min(block.length, length - from);
            values.position((int) from);
            values.get(block, 0, count);
            if (visitor.visit(block, count, from)) {
                values.position((int) from);
                values.put(block, 0, count);
            }
        }
    }
}
