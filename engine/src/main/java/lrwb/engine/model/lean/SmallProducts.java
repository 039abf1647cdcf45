package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer's products in Java, for layers so small that ND4J's fixed cost per operation (10–20 µs for a
 * matrix product or a bias sum of a 16 × 16 batch, against well under a microsecond of arithmetic) is most of an
 * update: a 4-16-3 network's update runs some twelve such operations. Reads and writes native memory directly
 * ({@link HostCopy}); sums in float, in the order of a plain loop, so results equal ND4J's within float rounding.
 *
 * <p>Matrices are row-major {@code float[]}s: {@code x} {@code [rows, in]}, {@code w} {@code [in, out]},
 * {@code delta} (dL/dz) {@code [rows, out]}.
 */
final class SmallProducts {
    private SmallProducts() {
    }

    /**
     * Whether a product of {@code rows × in × out} multiply-adds is cheaper here than in ND4J.
     *
     * @param limit see {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}; 0 for never
     */
    static boolean inJava(INDArray input, long rows, long in, long out, long limit) {
        return limit > 0 && rows * in * out <= limit && input.dataType() == DataType.FLOAT && input.rank() == 2;
    }

    /** {@code x·W + b} into a new {@code [rows, out]} array of the activations workspace. */
    static INDArray linear(INDArray input, INDArray weights, INDArray bias, LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) input.size(0);
        int in = (int) weights.size(0);
        int out = (int) weights.size(1);
        float[] x = HostCopy.rowMajor(input);
        float[] w = HostCopy.rowMajor(weights);
        float[] b = HostCopy.values(bias);
        float[] z = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            int zr = r * out;
            for (int i = 0; i < in; i++) {
                float xi = x[r * in + i];
                int wi = i * out;
                for (int j = 0; j < out; j++) {
                    z[zr + j] += xi * w[wi + j];
                }
            }
            for (int j = 0; j < out; j++) {
                z[zr + j] += b[j];
            }
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {rows, out}, 'c');
        HostCopy.write(z, result);
        return result;
    }

    /**
     * The gradients of a dense layer from {@code delta}: the weights' ({@code xᵀ·delta}) and the bias'
     * (column sums) written into their gradient views, and the input's ({@code delta·Wᵀ}) as a new array of the
     * activation-gradient workspace, or null when not needed.
     */
    static INDArray gradients(INDArray input, float[] delta, INDArray weights, INDArray weightGradient,
                              INDArray biasGradient, boolean inputGradientNeeded, LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) input.size(0);
        int in = (int) weights.size(0);
        int out = (int) weights.size(1);
        float[] x = HostCopy.rowMajor(input);
        float[] dw = new float[in * out];
        for (int r = 0; r < rows; r++) {
            int dr = r * out;
            for (int i = 0; i < in; i++) {
                float xi = x[r * in + i];
                int wi = i * out;
                for (int j = 0; j < out; j++) {
                    dw[wi + j] += xi * delta[dr + j];
                }
            }
        }
        HostCopy.write(dw, weightGradient);
        if (biasGradient != null) {
            float[] db = new float[out];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    db[j] += delta[r * out + j];
                }
            }
            HostCopy.write(db, biasGradient);
        }
        if (!inputGradientNeeded) {
            return null;
        }
        float[] w = HostCopy.rowMajor(weights);
        float[] dx = new float[rows * in];
        for (int r = 0; r < rows; r++) {
            int dr = r * out;
            for (int i = 0; i < in; i++) {
                int wi = i * out;
                float sum = 0;
                for (int j = 0; j < out; j++) {
                    sum += delta[dr + j] * w[wi + j];
                }
                dx[r * in + i] = sum;
            }
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {rows, in}, 'c');
        HostCopy.write(dx, result);
        return result;
    }
}
