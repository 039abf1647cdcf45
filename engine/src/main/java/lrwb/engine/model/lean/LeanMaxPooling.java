package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime side of {@link LeanSubsamplingLayer}: max pooling over non-overlapping windows in Java loops. DL4J's layer
 * runs ND4J's {@code maxpool2d} forward and {@code maxpool2d_bp} backward, and the backward op searches every window
 * again for its maximum (some 1 ms for the {@code cnn} preset's first pooling at batch 64, several times the forward
 * pass); this layer remembers, from its training forward pass, where each window's maximum was, and the backward pass
 * only scatters the error there (as PyTorch does with its indices).
 *
 * <p>The values are ND4J's, bit for bit ({@code LeanMaxPoolingTest}): a window's maximum starts from {@code -Float.MAX_VALUE}
 * and moves only to a strictly larger value in row-major order, so NaN is passed over, a window of -∞ or NaN gives
 * {@code -Float.MAX_VALUE}, and the error goes to the first largest value (the window's first element when none is larger
 * than {@code -Float.MAX_VALUE}).
 *
 * <p>Anything else takes DL4J's own path: average or p-norm pooling, windows that overlap or leave a remainder (stride
 * other than the kernel, padding, dilation, sizes not divisible), NHWC, doubles, dropout, masks, or a backward pass not
 * preceded by a training forward pass on the same input.
 */
final class LeanMaxPooling extends SubsamplingLayer {
    private INDArray keptInput;
    /** For each output value, the index in the input (row-major NCHW) of its window's maximum. */
    private int[] maxIndex = new int[0];
    private float[] inputValues = new float[0];
    private float[] outputValues = new float[0];
    private float[] inputGradient = new float[0];
    private boolean lastPassInJava;

    LeanMaxPooling(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        keptInput = null;
        lastPassInJava = inJava(input);
        if (!lastPassInJava) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        int n = (int) input.size(0);
        int c = (int) input.size(1);
        int h = (int) input.size(2);
        int w = (int) input.size(3);
        int k = layerConf().getKernelSize()[0];
        int kw = layerConf().getKernelSize()[1];
        int oh = h / k;
        int ow = w / kw;
        int outLength = n * c * oh * ow;
        float[] x = inputValues = HostCopy.dense(input, inputValues);
        float[] out = outputValues = outputValues.length == outLength ? outputValues : new float[outLength];
        int[] at = maxIndex = maxIndex.length == outLength ? maxIndex : new int[outLength];
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            int planeStart = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int first = planeStart + oy * k * w + ox * kw;
                    float best = -Float.MAX_VALUE;
                    int bestAt = first;
                    for (int ky = 0; ky < k; ky++) {
                        int row = first + ky * w;
                        for (int kx = 0; kx < kw; kx++) {
                            float v = x[row + kx];
                            if (v > best) {
                                best = v;
                                bestAt = row + kx;
                            }
                        }
                    }
                    out[o] = best;
                    at[o++] = bestAt;
                }
            }
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {n, c, oh, ow}, 'c');
        HostCopy.writeDense(out, output);
        if (training) {
            keptInput = input;
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (keptInput == null || keptInput != input || epsilon.dataType() != DataType.FLOAT
                || epsilon.length() != maxIndex.length) {
            keptInput = null;
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        float[] e = outputValues = HostCopy.dense(isDenseRowMajor(epsilon) ? epsilon : epsilon.dup('c'), outputValues);
        int inLength = (int) input.length();
        float[] dx = inputGradient = inputGradient.length == inLength ? inputGradient : new float[inLength];
        java.util.Arrays.fill(dx, 0f);
        int[] at = maxIndex;
        for (int o = 0; o < at.length; o++) {
            dx[at[o]] += e[o];
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        HostCopy.writeDense(dx, result);
        keptInput = null;
        return new Pair<>(new DefaultGradient(), result);
    }

    /** Whether the last forward pass ran in Java (tests). */
    boolean lastPassInJava() {
        return lastPassInJava;
    }

    /** Max pooling this layer computes in Java (see the class comment): else DL4J's own path. */
    private boolean inJava(INDArray in) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf = layerConf();
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        int[] padding = conf.getPadding();
        int[] dilation = conf.getDilation();
        return in != null && in.rank() == 4 && in.dataType() == DataType.FLOAT && dataType == DataType.FLOAT
                && conf.getPoolingType() == PoolingType.MAX && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && conf.getIDropout() == null && maskArray == null
                && kernel.length == 2 && stride.length == 2 && kernel[0] == stride[0] && kernel[1] == stride[1]
                && (padding == null || padding.length == 2 && padding[0] == 0 && padding[1] == 0)
                && (dilation == null || dilation.length == 2 && dilation[0] == 1 && dilation[1] == 1)
                && in.size(2) % kernel[0] == 0 && in.size(3) % kernel[1] == 0 && in.length() <= Integer.MAX_VALUE
                && isDenseRowMajor(in);
    }

    private static boolean isDenseRowMajor(INDArray a) {
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            if (a.size(d) != 1 && a.stride(d) != expected) {
                return false;
            }
            expected *= a.size(d);
        }
        return true;
    }

    @Override
    public void clear() {
        super.clear();
        keptInput = null;
    }
}
