package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.runtime.RowProducts;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer's products in Java, for layers so small that ND4J's fixed cost per operation (10–20 µs for a
 * matrix product or a bias sum of a 16 × 16 batch, against well under a microsecond of arithmetic) is most of an
 * update: a 4-16-3 network's update runs some twelve such operations. Reads and writes native memory directly
 * ({@link HostCopy}) around the arithmetic of {@link RowProducts}, in the arrays each layer keeps
 * ({@link ProductBuffers}).
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
        return withinLimit(rows, in, out, limit) && input.dataType() == DataType.FLOAT && input.rank() == 2;
    }

    /** Whether {@code rows × in × out} multiply-adds are within {@code limit} ({@code javaProductLimit}; 0 for never). */
    static boolean withinLimit(long rows, long in, long out, long limit) {
        return limit > 0 && rows * in * out <= limit;
    }

    /** {@code x·W + b} into a new {@code [rows, out]} array of the activations workspace. */
    static INDArray linear(INDArray input, INDArray weights, INDArray bias, ProductBuffers buffers, LayerWorkspaceMgr workspaceMgr) {
        return linear(input, weights, bias, false, buffers, workspaceMgr);
    }

    /**
     * {@code relu(x·W + b)} (or {@code x·W + b}) into a new {@code [rows, out]} array of the activations workspace: the
     * ReLU applied here saves ND4J's operation (and the scalar array it makes) on every forward pass.
     */
    static INDArray linear(INDArray input, INDArray weights, INDArray bias, boolean relu, ProductBuffers buffers,
                           LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) input.size(0);
        int in = (int) weights.size(0);
        int out = (int) weights.size(1);
        float[][] x = buffers.input = HostCopy.rows(input, ProductBuffers.shaped(buffers.input, rows, in));
        float[][] w = buffers.weights = HostCopy.rows(weights, ProductBuffers.shaped(buffers.weights, in, out));
        float[] b = buffers.bias = HostCopy.values(bias, ProductBuffers.sized(buffers.bias, out));
        float[][] z = buffers.output = ProductBuffers.shaped(buffers.output, rows, out);
        RowProducts.linear(x, w, b, relu, z);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {rows, out}, 'c');
        HostCopy.write(z, result);
        return result;
    }

    /**
     * The gradients of a dense layer from {@code delta} ({@code [rows][out]}, see {@link ProductBuffers#delta}): the
     * weights' ({@code xᵀ·delta}) and the bias' (column sums) written into their gradient views, and the input's
     * ({@code delta·Wᵀ}) as a new array of the activation-gradient workspace, or null when not needed.
     */
    static INDArray gradients(INDArray input, float[][] delta, INDArray weights, INDArray weightGradient,
                              INDArray biasGradient, boolean inputGradientNeeded, ProductBuffers buffers,
                              LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) input.size(0);
        int in = (int) weights.size(0);
        int out = (int) weights.size(1);
        float[][] x = buffers.input = HostCopy.rows(input, ProductBuffers.shaped(buffers.input, rows, in));
        float[][] dw = buffers.weightGradient = ProductBuffers.shaped(buffers.weightGradient, in, out);
        RowProducts.weightGradient(x, delta, dw);
        HostCopy.write(dw, weightGradient);
        if (biasGradient != null) {
            float[] db = buffers.biasGradient = ProductBuffers.sized(buffers.biasGradient, out);
            RowProducts.biasGradient(delta, db);
            HostCopy.write(db, biasGradient);
        }
        if (!inputGradientNeeded) {
            return null;
        }
        float[][] w = buffers.weights = HostCopy.rows(weights, ProductBuffers.shaped(buffers.weights, in, out));
        float[][] wT = buffers.transposedWeights = ProductBuffers.shaped(buffers.transposedWeights, out, in);
        float[][] dx = buffers.inputGradient = ProductBuffers.shaped(buffers.inputGradient, rows, in);
        RowProducts.inputGradient(delta, w, wT, dx);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, new long[] {rows, in}, 'c');
        HostCopy.write(dx, result);
        return result;
    }
}
