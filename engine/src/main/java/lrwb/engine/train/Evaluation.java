package lrwb.engine.train;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.model.Network;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
    /**
     * A convolutional network's activations are tens of times its input per example (the {@code cnn} model's first
     * layer: 6,272 values per 784-pixel image): 2,048 images at once made arrays of 50 MB per layer, new pages to fault
     * in for every evaluation and nothing left in the cache. 256 at once keep them a few MB.
     */
    private static final int CONVOLUTIONAL_CHUNK = 256;
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
        if (java != null) {
            return inJava(java, JavaRows.of(split));
        }
        int classes = (int) split.getLabels().size(1);
        Tally tally = new Tally(classes);
        int chunk = convolutional(net) ? CONVOLUTIONAL_CHUNK : CHUNK;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            INDArray features = split.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray labels = split.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            tally.add(HostCopy.rowMajor(net.output(features)), HostCopy.rowMajor(labels), to - from);
        }
        return tally.evaluation(n);
    }

    private static boolean convolutional(Network net) {
        org.deeplearning4j.nn.api.Layer[] layers = net.dl4j() instanceof org.deeplearning4j.nn.graph.ComputationGraph graph
                ? graph.getLayers() : net.asLayerList().map(MultiLayerNetwork::getLayers).orElse(new org.deeplearning4j.nn.api.Layer[0]);
        for (org.deeplearning4j.nn.api.Layer layer : layers) {
            if (layer.type() == org.deeplearning4j.nn.api.Layer.Type.CONVOLUTIONAL
                    || layer.type() == org.deeplearning4j.nn.api.Layer.Type.SUBSAMPLING) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same on a split evaluated again and again (a job's validation split, every epoch) whose Java copy the
     * caller keeps: {@link #runsInJava} said yes for it, so only the network's parameters are copied each time.
     */
    static Evaluation of(Network net, JavaRows split) {
        JavaMlpForward java = javaForward(net, JAVA_FORWARD_LIMIT / split.rows());
        if (java == null) {
            throw new IllegalArgumentException("not a network evaluated in Java");
        }
        return inJava(java, split);
    }

    private static Evaluation inJava(JavaMlpForward java, JavaRows split) {
        Tally tally = new Tally(split.classes());
        tally.add(java.probabilities(split.features(), split.rows()), split.labels(), split.rows());
        return tally.evaluation(split.rows());
    }

    /** A split's row-major features and one-hot labels in Java. */
    record JavaRows(float[] features, float[] labels, int rows, int classes) {
        static JavaRows of(DataSet split) {
            return new JavaRows(HostCopy.rowMajor(split.getFeatures()), HostCopy.rowMajor(split.getLabels()),
                    split.numExamples(), (int) split.getLabels().size(1));
        }
    }

    /** Cross-entropy and correct predictions summed over rows, in row order. */
    private static final class Tally {
        private final int classes;
        private double lossSum;
        private long correct;

        Tally(int classes) {
            this.classes = classes;
        }

        void add(float[] p, float[] y, int rows) {
            for (int r = 0; r < rows; r++) {
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

        Evaluation evaluation(int n) {
            return new Evaluation(lossSum / n, (double) correct / n);
        }
    }

    /** The Java forward pass of a small MLP within that many multiply-adds per row; null for any other network. */
    private static JavaMlpForward javaForward(Network net, long maxMultiplyAddsPerRow) {
        return net.asLayerList().flatMap(layers -> JavaMlpForward.of(layers, maxMultiplyAddsPerRow)).orElse(null);
    }
}
