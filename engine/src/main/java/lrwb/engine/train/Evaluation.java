package lrwb.engine.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Loss and accuracy of a network on a whole split, from ONE forward pass per chunk: the cross-entropy is
 * computed from the same softmax output the accuracy reads, instead of a second pass through DL4J's score.
 */
record Evaluation(double loss, double accuracy) {
    private static final int CHUNK = 2048;
    /** DL4J clips softmax output the same way before taking the log. */
    private static final double MIN_PROBABILITY = 1e-10;

    static Evaluation of(MultiLayerNetwork net, DataSet split) {
        int n = split.numExamples();
        if (n == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            INDArray features = split.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray labels = split.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray out = net.output(features, false);
            INDArray logs = Transforms.log(Transforms.max(out, MIN_PROBABILITY, true), false);
            lossSum -= logs.muli(labels).sumNumber().doubleValue();
            INDArray predicted = out.argMax(1);
            INDArray actual = labels.argMax(1);
            correct += predicted.eq(actual).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }
}
