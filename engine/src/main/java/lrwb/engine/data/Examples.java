package lrwb.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Labelled rows in plain Java memory: what every source produces before it is split, standardised and
 * handed to ND4J. Features are kept in one flat row-major array (not {@code float[][]}) so a 60,000-image
 * set is one allocation and one copy into ND4J. Read-only from outside the package.
 */
public final class Examples {
    private final float[] features;
    private final int numFeatures;
    private final int[] labels;
    private final List<String> classNames;

    /** Takes ownership of the arrays: callers hand over fresh arrays and never touch them again. */
    Examples(float[] features, int numFeatures, int[] labels, List<String> classNames) {
        if (numFeatures <= 0 || features.length != (long) labels.length * numFeatures) {
            throw new IllegalArgumentException(features.length + " feature values for " + labels.length
                    + " rows of " + numFeatures);
        }
        this.features = features;
        this.numFeatures = numFeatures;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        for (int label : labels) {
            if (label < 0 || label >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside " + this.classNames.size() + " classes");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public float feature(int row, int column) {
        return features[row * numFeatures + column];
    }

    /** The class index of {@code row}, in [0, numClasses). */
    public int label(int row) {
        return labels[row];
    }

    /** How many rows each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** How many classes occur at least once (a subset may miss some of {@link #classNames()}). */
    public int presentClassCount() {
        int present = 0;
        for (int count : classCounts()) {
            present += count > 0 ? 1 : 0;
        }
        return present;
    }

    /** The given rows, in the given order. */
    Examples rows(int[] indices) {
        float[] f = new float[indices.length * numFeatures];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * numFeatures, f, i * numFeatures, numFeatures);
            l[i] = labels[indices[i]];
        }
        return new Examples(f, numFeatures, l, classNames);
    }

    /** {@code count} rows drawn at random without replacement (all rows, shuffled, when there are fewer). */
    Examples sample(int count, long seed) {
        int[] order = SeededRandom.permutation(size(), SeededRandom.stream(seed, SeededRandom.SAMPLE_STREAM));
        int[] chosen = new int[Math.min(count, size())];
        System.arraycopy(order, 0, chosen, 0, chosen.length);
        return rows(chosen);
    }

    /** The same rows and labels with other feature values (same layout). */
    Examples withFeatures(float[] newFeatures) {
        return new Examples(newFeatures, numFeatures, labels, classNames);
    }

    /** The same rows with other class names (same count), e.g. species names for iris's 0/1/2. */
    Examples withClassNames(List<String> names) {
        if (names.size() != classNames.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + classNames.size() + " classes");
        }
        return new Examples(features, numFeatures, labels, names);
    }

    /** A copy of the feature values, row-major. */
    float[] featureValues() {
        return features.clone();
    }

    /** Float features {@code [n, numFeatures]} and one-hot float labels {@code [n, numClasses]} (ND4J copies the values off-heap). */
    public DataSet toDataSet() {
        float[] oneHot = new float[labels.length * numClasses()];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i * numClasses() + labels[i]] = 1f;
        }
        return new DataSet(
                Nd4j.create(features, new long[]{size(), numFeatures}, DataType.FLOAT),
                Nd4j.create(oneHot, new long[]{size(), numClasses()}, DataType.FLOAT));
    }
}
