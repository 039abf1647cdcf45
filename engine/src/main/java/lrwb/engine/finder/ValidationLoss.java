package lrwb.engine.finder;

import lrwb.engine.model.Network;
import lrwb.engine.runtime.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The range test's {@code val} loss: the mean cross-entropy of a fixed set of validation examples — the first
 * {@link #MAX_BATCHES} batches' worth of the validation split, in its order — after each update, from one forward
 * pass in inference mode. As pytorch-lr-finder's {@code val_loader} mode, capped so that a test on a large validation
 * split stays a test of seconds, not of epochs.
 *
 * <p>Unclipped, as the {@code train} loss: {@code −ln p} of each label's probability as the network gives it, with
 * no floor at 1e-10 (a float probability keeps its precision down to ~1e-38, a loss of ~87; below that it is 0,
 * the loss infinite, and the test stops as diverged, which it has).
 */
public final class ValidationLoss implements StepLoss {
    /** K: at most this many batches of the run's batch size are evaluated per update. */
    public static final int MAX_BATCHES = 8;

    private final INDArray features;
    private final float[] labels;
    private final int rows;

    /**
     * @param validation the validation split, not empty
     * @param batchSize  the run's batch size: the set holds min(n, {@link #MAX_BATCHES}·batchSize) examples
     */
    public ValidationLoss(DataSet validation, int batchSize) {
        int n = validation.numExamples();
        if (n == 0) {
            throw new IllegalArgumentException("loss val needs a validation split, and the data has none");
        }
        rows = (int) Math.min(n, (long) MAX_BATCHES * batchSize);
        features = validation.getFeatures().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()).dup();
        INDArray y = validation.getLabels().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        labels = HostCopy.rowMajor(y);
    }

    /** How many validation examples each evaluation reads. */
    public int examples() {
        return rows;
    }

    @Override
    public double after(Network net) {
        float[] p = HostCopy.rowMajor(net.output(features));
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (labels[i] != 0) {
                sum -= labels[i] * Math.log(p[i]);
            }
        }
        return sum / rows;
    }
}
