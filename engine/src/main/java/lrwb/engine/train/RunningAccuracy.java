package lrwb.engine.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The training accuracy of an epoch without a pass over the training set of its own. During every update
 * DL4J hands its listeners the activations of the forward pass; the output layer's input there, times the
 * output layer's weights plus its bias, gives the logits the update's loss was computed from, and the largest
 * logit of a row is the class the network predicted for that example just before the update. Counted over the
 * epoch, that is the training accuracy Keras reports, the companion of the epoch's mean minibatch loss.
 *
 * <p>Small products (batch x inputs x classes multiply-adds) are computed here in Java from copies of the
 * arrays, so no native operation adds its fixed cost to DL4J's; large ones take one gemm into a buffer of
 * this listener's. Either way the bias, the argmax and the count are Java.
 */
final class RunningAccuracy extends BaseTrainingListener {
    /** Up to this many multiply-adds, Java beats a native gemm's fixed cost. */
    static final long JAVA_PRODUCT_LIMIT = 1 << 15;

    /** The output layer's live weights as {@code [classes, inputs]}: a view, so each class's weights are one row. */
    private final INDArray weightsByClass;
    private final INDArray weights;
    private final INDArray bias;
    /** Outside every workspace, reused while the batch size stays the same. */
    private INDArray logits;
    private int[] expected;
    private long correct;
    private long seen;
    private boolean unreadable;

    /** @param net a network whose output layer is dense (weights {@code [inputs, classes]} and a bias) */
    RunningAccuracy(MultiLayerNetwork net) {
        Layer output = net.getOutputLayer();
        this.weights = output.getParam(DefaultParamInitializer.WEIGHT_KEY);
        this.weightsByClass = weights.transpose();
        this.bias = output.getParam(DefaultParamInitializer.BIAS_KEY);
    }

    /** Before fitting a batch: its one-hot labels. */
    void expect(INDArray labels) {
        expected = HostCopy.argMaxOfRows(labels);
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (expected == null) {
            return;
        }
        INDArray input = activations.get(activations.size() - 1);
        if (input.rank() != 2 || input.size(1) != weightsByClass.size(1) || input.size(0) != expected.length) {
            expected = null; // not the dense input this count reads: takeEpoch reports NaN, the job evaluates instead
            unreadable = true;
            return;
        }
        int rows = (int) input.size(0);
        int inputs = (int) input.size(1);
        int classes = (int) weightsByClass.size(0);
        float[] products = (long) rows * inputs * classes <= JAVA_PRODUCT_LIMIT
                ? productsInJava(input, rows, inputs, classes)
                : productsByGemm(input, rows, classes);
        float[] b = HostCopy.values(bias);
        for (int r = 0; r < rows; r++) {
            int best = 0;
            float bestLogit = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                float logit = products[r * classes + c] + b[c];
                if (logit > bestLogit) {
                    bestLogit = logit;
                    best = c;
                }
            }
            if (best == expected[r]) {
                correct++;
            }
        }
        seen += rows;
        expected = null;
    }

    /** input x weights, row-major {@code [rows, classes]}. */
    private float[] productsInJava(INDArray input, int rows, int inputs, int classes) {
        float[] x = HostCopy.rowMajor(input);
        float[] w = HostCopy.rowMajor(weightsByClass);
        float[] out = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = dot(x, r * inputs, w, c * inputs, inputs);
            }
        }
        return out;
    }

    private float[] productsByGemm(INDArray input, int rows, int classes) {
        if (logits == null || logits.size(0) != rows) {
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                logits = Nd4j.create(weights.dataType(), rows, classes);
            }
        }
        Nd4j.gemm(input, weights, logits, false, false, 1.0, 0.0);
        return HostCopy.rowMajor(logits);
    }

    /**
     * The share of the examples seen since the last call that were predicted right; NaN if none were seen or
     * the output layer's input could not be read.
     */
    double takeEpoch() {
        double accuracy = seen == 0 || unreadable ? Double.NaN : (double) correct / seen;
        correct = 0;
        seen = 0;
        return accuracy;
    }

    /** Four independent sums, so the JIT can overlap the multiply-adds. */
    private static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
