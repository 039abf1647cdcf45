package lrwb.engine.train;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Loss and accuracy of a network on a whole split, from ONE forward pass per chunk: the cross-entropy is
 * computed from the same softmax output the accuracy reads, instead of a second pass through DL4J's score.
 * Both are computed in Java from a copy of the output: on small networks every further native operation would
 * cost more than the arithmetic it does. For the same reason a split small enough for a small MLP is passed
 * forward in Java too ({@link JavaMlpForward}).
 */
record Evaluation(double loss, double accuracy) {
    private static final int CHUNK = 2048;
    /** Up to this many multiply-adds per split, a Java forward pass beats DL4J's per-operation overhead. */
    static final long JAVA_FORWARD_LIMIT = 1 << 17;
    /** DL4J clips softmax output the same way before taking the log. */
    private static final float MIN_PROBABILITY = 1e-10f;

    static Evaluation of(Network net, DataSet split) {
        return of(net, split, true);
    }

    /** Whether {@link #of} passes this split forward in Java rather than through DL4J. */
    static boolean runsInJava(Network net, DataSet split) {
        return split.numExamples() > 0 && javaForward(net, JAVA_FORWARD_LIMIT / split.numExamples()) != null;
    }

    static Evaluation of(Network net, DataSet split, boolean javaForwardAllowed) {
        int n = split.numExamples();
        if (n == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        JavaMlpForward java = javaForwardAllowed ? javaForward(net, JAVA_FORWARD_LIMIT / n) : null;
        int classes = (int) split.getLabels().size(1);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            INDArray features = split.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray labels = split.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[] p = java != null ? java.probabilities(HostCopy.rowMajor(features), to - from)
                    : HostCopy.rowMajor(net.output(features));
            float[] y = HostCopy.rowMajor(labels);
            for (int r = 0; r < to - from; r++) {
                int row = r * classes;
                int predicted = 0;
                int actual = 0;
                for (int c = 0; c < classes; c++) {
                    if (y[row + c] != 0) {
                        lossSum -= y[row + c] * Math.log(Math.max(p[row + c], MIN_PROBABILITY));
                    }
                    if (p[row + c] > p[row + predicted]) {
                        predicted = c;
                    }
                    if (y[row + c] > y[row + actual]) {
                        actual = c;
                    }
                }
                if (predicted == actual) {
                    correct++;
                }
            }
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }

    /** The Java forward pass of a small MLP within that many multiply-adds per row; null for any other network. */
    private static JavaMlpForward javaForward(Network net, long maxMultiplyAddsPerRow) {
        return net.asLayerList().flatMap(layers -> JavaMlpForward.of(layers, maxMultiplyAddsPerRow)).orElse(null);
    }
}
