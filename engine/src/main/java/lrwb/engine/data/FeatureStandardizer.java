package lrwb.engine.data;

/**
 * Shifts and scales every feature column to mean 0 and standard deviation 1, using statistics of the
 * training part only: the validation part must not leak into what the model sees while it trains, so it
 * is transformed with the training statistics and ends up only roughly standardised. A constant column
 * would divide by zero; it keeps scale 1 and becomes all zeros instead of NaN.
 */
final class FeatureStandardizer {
    /** A spread below this fraction of the column's largest magnitude is float rounding, not data. */
    private static final double CONSTANT_TOLERANCE = 1e-6;

    private final double[] mean;
    private final double[] scale;

    private FeatureStandardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Population statistics (divide by n, as sklearn's StandardScaler), accumulated in double. */
    static FeatureStandardizer fitOn(Examples train) {
        int n = train.size();
        int f = train.numFeatures();
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (int c = 0; c < f; c++) {
            double sum = 0;
            double largest = 0;
            for (int r = 0; r < n; r++) {
                sum += train.feature(r, c);
                largest = Math.max(largest, Math.abs(train.feature(r, c)));
            }
            mean[c] = sum / n;
            double squares = 0;
            for (int r = 0; r < n; r++) {
                double d = train.feature(r, c) - mean[c];
                squares += d * d;
            }
            double std = Math.sqrt(squares / n);
            scale[c] = std <= CONSTANT_TOLERANCE * largest ? 1 : std;
        }
        return new FeatureStandardizer(mean, scale);
    }

    Examples apply(Examples examples) {
        float[] values = examples.featureValues();
        int f = examples.numFeatures();
        for (int i = 0; i < values.length; i++) {
            int c = i % f;
            values[i] = (float) ((values[i] - mean[c]) / scale[c]);
        }
        return examples.withFeatures(values);
    }
}
