package lrwb.engine.inspect;

import lrwb.engine.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a network predicts for every example of a set, beside the truth. Arrays are the record's own; callers must
 * not change them.
 *
 * @param trueClasses      the label of each example
 * @param predictedClasses the class of highest probability for each example (the first of equals)
 * @param confidences      that class's probability
 */
public record ValidationPredictions(int[] trueClasses, int[] predictedClasses, double[] confidences) {
    /** Examples per forward pass: enough for speed, little enough memory for a conv net on 10,000 images. */
    static final int BATCH = 256;

    public ValidationPredictions {
        if (trueClasses.length != predictedClasses.length || trueClasses.length != confidences.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
    }

    public int size() {
        return trueClasses.length;
    }

    /** Runs {@code set} through {@code network} in inference mode, a batch at a time. */
    public static ValidationPredictions of(Network network, DataSet set) {
        int n = set.numExamples();
        int[] truth = argmax(set.getLabels());
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            INDArray rows = set.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[][] probabilities = network.output(rows).toFloatMatrix();
            for (int i = 0; i < probabilities.length; i++) {
                int best = argmax(probabilities[i]);
                predicted[from + i] = best;
                confidence[from + i] = probabilities[i][best];
            }
        }
        return new ValidationPredictions(truth, predicted, confidence);
    }

    static int[] argmax(INDArray oneHot) {
        float[][] rows = oneHot.toFloatMatrix();
        int[] classes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            classes[i] = argmax(rows[i]);
        }
        return classes;
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
