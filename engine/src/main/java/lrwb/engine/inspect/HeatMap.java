package lrwb.engine.inspect;

/**
 * A map of values in [0, 1] over an image, row-major: {@code values[row * width + column]}.
 */
public record HeatMap(int height, int width, float[] values) {
    public HeatMap {
        if (height <= 0 || width <= 0 || values.length != height * width) {
            throw new IllegalArgumentException(values.length + " values for a " + height + "x" + width + " map");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public float at(int row, int column) {
        return values[row * width + column];
    }

    /**
     * Resized with bilinear interpolation, pixel centres aligned as image libraries do it (OpenCV's
     * {@code resize}, TensorFlow's {@code resize(..., half_pixel_centers)}): output pixel {@code x} reads the input
     * at {@code (x + 0.5) * in / out - 0.5}, clamped to the edge pixels.
     */
    public HeatMap resized(int newHeight, int newWidth) {
        float[] out = new float[newHeight * newWidth];
        for (int r = 0; r < newHeight; r++) {
            double y = source(r, height, newHeight);
            int y0 = (int) Math.floor(y);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = y - y0;
            for (int c = 0; c < newWidth; c++) {
                double x = source(c, width, newWidth);
                int x0 = (int) Math.floor(x);
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = x - x0;
                double top = at(y0, x0) * (1 - fx) + at(y0, x1) * fx;
                double bottom = at(y1, x0) * (1 - fx) + at(y1, x1) * fx;
                out[r * newWidth + c] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return new HeatMap(newHeight, newWidth, out);
    }

    private static double source(int target, int in, int out) {
        double s = (target + 0.5) * in / out - 0.5;
        return Math.max(0, Math.min(in - 1, s));
    }

    /** Divided by its largest value, so the strongest spot is 1; an all-zero map stays zero. */
    public HeatMap normalised() {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return new HeatMap(height, width, new float[values.length]);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.max(0, values[i]) / max;
        }
        return new HeatMap(height, width, out);
    }
}
