package lrwb.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Minibatches of a dataset, reshuffled for every pass (epoch). The order of pass {@code p} depends only on
 * {@code (seed, p)}, so a run resumed at pass 7, a range test and a training run all see the same batches
 * for the same seed, without replaying passes 0 to 6. Every example appears exactly once per pass;
 * the last batch holds the remainder and may be smaller.
 */
public final class ShuffledBatches {
    private final INDArray features;
    private final INDArray labels;
    private final int numExamples;
    private final int batchSize;
    private final long seed;

    /** @param data features {@code [n, f]} and labels {@code [n, k]}, as {@link LoadedData} holds them */
    public ShuffledBatches(DataSet data, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new DataException("batch size must be an integer > 0 (got " + batchSize + ")");
        }
        if (data.getFeatures().rank() != 2 || data.getLabels().rank() != 2) {
            throw new IllegalArgumentException("features and labels must be 2-D [examples, values], got "
                    + data.getFeatures().shapeInfoToString() + " and " + data.getLabels().shapeInfoToString());
        }
        this.features = data.getFeatures();
        this.labels = data.getLabels();
        this.numExamples = data.numExamples();
        if (numExamples == 0) {
            throw new DataException("there are no examples to train on");
        }
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int batchSize() {
        return batchSize;
    }

    public int numExamples() {
        return numExamples;
    }

    /** {@code ceil(n / batchSize)}. */
    public int batchesPerPass() {
        return (numExamples + batchSize - 1) / batchSize;
    }

    /** The batches of pass {@code passIndex} (0-based), freshly copied out of the data. */
    public List<DataSet> pass(int passIndex) {
        if (passIndex < 0) {
            throw new IllegalArgumentException("passIndex must be >= 0, got " + passIndex);
        }
        int[] order = SeededRandom.permutation(numExamples, SeededRandom.stream(seed, passIndex));
        List<DataSet> batches = new ArrayList<>(batchesPerPass());
        for (int from = 0; from < numExamples; from += batchSize) {
            int[] rows = new int[Math.min(batchSize, numExamples - from)];
            System.arraycopy(order, from, rows, 0, rows.length);
            batches.add(new DataSet(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows)));
        }
        return batches;
    }
}
