package lrwb.engine.data;

import java.util.Random;

/**
 * Applies an {@link Augmentation} to training images as {@link ShuffledBatches} copies them, on its background copy
 * thread. Each image's random draws come from its own stream of {@code (seed, pass, position in the pass)}, so the
 * same seed gives the same augmented batches however the pass is cut into chunks, and a resumed run sees the
 * batches it would have seen. Order: crop, flip, then cutout or erasing.
 */
final class Augmenter {
    /** Augmentation streams live below every other use of the seed (passes are >= 0, the others -1 to -3). */
    private static final long STREAM_BASE = -4;
    /** Keras get_random_eraser's defaults, as the article uses them. */
    static final double ERASE_P = 0.5;
    static final double ERASE_AREA_MIN = 0.02;
    static final double ERASE_AREA_MAX = 0.4;
    static final double ERASE_ASPECT_MIN = 0.3;
    static final double ERASE_ASPECT_MAX = 1 / 0.3;
    /** Keras draws until the box fits, for ever; a box that does not fit in this many draws is skipped. */
    private static final int ERASE_TRIES = 1000;

    private final Augmentation augmentation;
    private final ImageShape shape;
    private final ChannelStats stats;
    private final long seed;

    /** @param stats the normalisation the features had, null for [0, 1] pixels: erasing fills with a pixel value */
    Augmenter(Augmentation augmentation, ImageShape shape, ChannelStats stats, long seed) {
        this.augmentation = augmentation;
        this.shape = shape;
        this.stats = stats;
        this.seed = seed;
    }

    /**
     * Augments {@code rows} images stored one after another in {@code values}, the first being the image at
     * {@code firstPosition} of pass {@code pass}. Thread-safe: it keeps no state between calls.
     */
    void apply(float[] values, int rows, int pass, long firstPosition) {
        float[] scratch = new float[shape.pixels()];
        for (int i = 0; i < rows; i++) {
            Random random = SeededRandom.stream(seed, STREAM_BASE - (((long) pass << 32) | (firstPosition + i)));
            applyTo(values, i * shape.pixels(), random, scratch);
        }
    }

    private void applyTo(float[] values, int offset, Random random, float[] scratch) {
        int p = augmentation.cropPadding();
        if (p > 0) {
            crop(values, offset, shape, p, random.nextInt(2 * p + 1), random.nextInt(2 * p + 1), scratch);
        }
        if (augmentation.flip() && random.nextBoolean()) {
            flip(values, offset, shape);
        }
        int n = augmentation.cutoutSize();
        if (n > 0) {
            int top = random.nextInt(shape.height()) - n / 2;
            int left = random.nextInt(shape.width()) - n / 2;
            fill(values, offset, shape, top, left, n, n, new float[shape.channels()]);
        }
        if (augmentation.randomErasing()) {
            erase(values, offset, random);
        }
    }

    /** Keras' get_random_eraser with its defaults (pixel_level false: one value for the whole box). */
    private void erase(float[] values, int offset, Random random) {
        if (random.nextDouble() > ERASE_P) {
            return;
        }
        int h = shape.height();
        int w = shape.width();
        for (int t = 0; t < ERASE_TRIES; t++) {
            double s = uniform(random, ERASE_AREA_MIN, ERASE_AREA_MAX) * h * w;
            double r = uniform(random, ERASE_ASPECT_MIN, ERASE_ASPECT_MAX);
            int boxW = (int) Math.sqrt(s / r);
            int boxH = (int) Math.sqrt(s * r);
            int left = random.nextInt(w);
            int top = random.nextInt(h);
            if (left + boxW <= w && top + boxH <= h) {
                double pixel = random.nextDouble(); // Keras: uniform in [0, 255], here the same pixel in [0, 1]
                float[] value = new float[shape.channels()];
                for (int c = 0; c < value.length; c++) {
                    value[c] = stats == null ? (float) pixel : stats.normalised(c, pixel);
                }
                fill(values, offset, shape, top, left, boxH, boxW, value);
                return;
            }
        }
    }

    private static double uniform(Random random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /**
     * Pads the image at {@code offset} with {@code padding} zeros on every side and keeps the window whose top-left
     * corner is at {@code (dy, dx)} of the padded image, both in [0, 2 * padding]; {@code (padding, padding)} is the
     * image itself.
     */
    static void crop(float[] values, int offset, ImageShape shape, int padding, int dy, int dx, float[] scratch) {
        int h = shape.height();
        int w = shape.width();
        for (int c = 0; c < shape.channels(); c++) {
            int plane = offset + c * h * w;
            for (int y = 0; y < h; y++) {
                int fromY = y + dy - padding;
                for (int x = 0; x < w; x++) {
                    int fromX = x + dx - padding;
                    boolean inside = fromY >= 0 && fromY < h && fromX >= 0 && fromX < w;
                    scratch[(c * h + y) * w + x] = inside ? values[plane + fromY * w + fromX] : 0f;
                }
            }
        }
        System.arraycopy(scratch, 0, values, offset, shape.pixels());
    }

    /** Mirrors the image at {@code offset} left-right. */
    static void flip(float[] values, int offset, ImageShape shape) {
        int w = shape.width();
        for (int row = 0; row < shape.channels() * shape.height(); row++) {
            int start = offset + row * w;
            for (int x = 0, y = w - 1; x < y; x++, y--) {
                float t = values[start + x];
                values[start + x] = values[start + y];
                values[start + y] = t;
            }
        }
    }

    /** Sets the box (clipped at the border) of the image at {@code offset} to {@code value[c]} in channel c. */
    static void fill(float[] values, int offset, ImageShape shape, int top, int left, int boxH, int boxW, float[] value) {
        int h = shape.height();
        int w = shape.width();
        int y0 = Math.max(0, top);
        int y1 = Math.min(h, top + boxH);
        int x0 = Math.max(0, left);
        int x1 = Math.min(w, left + boxW);
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = y0; y < y1; y++) {
                int start = offset + (c * h + y) * w;
                java.util.Arrays.fill(values, start + x0, start + Math.max(x0, x1), value[c]);
            }
        }
    }
}
