package lrwb.engine.model.lean;

/**
 * What one layer's products keep from update to update: the Java arrays its small products ({@link SmallProducts})
 * work in, and the oneDNN primitives of its larger ones ({@link OneDnnProduct}). Made fresh for
 * every update they were some 90% of what a small network's training allocated (2 GB a second for a 2-64-32-2
 * network): a young collection every half second, and in a sweep every collection stops both cells at once. One layer
 * runs on one thread at a time (DL4J's networks are not shared between threads), so one set per layer suffices.
 */
final class ProductBuffers {
    float[][] input = new float[0][];
    float[][] weights = new float[0][];
    float[][] transposedWeights = new float[0][];
    float[][] output = new float[0][];
    float[][] delta = new float[0][];
    float[][] weightGradient = new float[0][];
    float[][] inputGradient = new float[0][];
    float[] bias = new float[0];
    float[] biasGradient = new float[0];
    final OneDnnProduct.Kept oneDnn = new OneDnnProduct.Kept();

    /** {@code current} when it has {@code rows} rows of {@code columns} values, else a new array of that shape. */
    static float[][] shaped(float[][] current, int rows, int columns) {
        return current.length == rows && (rows == 0 || current[0].length == columns) ? current : new float[rows][columns];
    }

    static float[] sized(float[] current, int length) {
        return current.length == length ? current : new float[length];
    }
}
