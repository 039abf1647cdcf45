package lrwb.engine.train;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.model.Networks;
import lrwb.engine.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training accuracy of an epoch without a pass over the training set of its own. During every update the
 * network's output layer tells this count the softmax output the update's loss was computed from (see
 * {@link Networks#listenToPredictions}); the largest probability of a row is the class the network predicted for
 * that example just before the update. Counted over the epoch, that is the training accuracy Keras reports, the
 * companion of the epoch's mean minibatch loss. The count reads probabilities the layer hands over in Java: no native
 * operation.
 */
final class RunningAccuracy {
    private final boolean readable;
    private int[] expected;
    private long correct;
    private long seen;
    private boolean missed;

    RunningAccuracy(Network net) {
        readable = Networks.listenToPredictions(net, this::count);
    }

    /** Before fitting a batch: its one-hot labels. */
    void expect(INDArray labels) {
        if (expected != null) {
            missed = true; // the update before was never counted: its layer did not say (a mask, another shape)
        }
        expected = HostCopy.argMaxOfRows(labels);
    }

    private void count(float[] probabilities, int rows, int classes) {
        if (expected == null || rows != expected.length) {
            missed = true; // an update without its labels: takeEpoch reports NaN, the job evaluates instead
            expected = null;
            return;
        }
        int[] predicted = HostCopy.argMaxOfRows(probabilities, rows, classes);
        for (int r = 0; r < rows; r++) {
            if (predicted[r] == expected[r]) {
                correct++;
            }
        }
        seen += rows;
        expected = null;
    }

    /**
     * The share of the examples seen since the last call that were predicted right; NaN if none were seen or
     * some update could not be counted (a network this count cannot read).
     */
    double takeEpoch() {
        boolean lastUncounted = expected != null;
        double accuracy = seen == 0 || missed || lastUncounted || !readable ? Double.NaN : (double) correct / seen;
        expected = null;
        correct = 0;
        seen = 0;
        missed = false;
        return accuracy;
    }
}
