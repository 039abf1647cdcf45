package lrwb.engine.model.lean;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import lrwb.engine.runtime.HostCopy;

/**
 * The runtime side of {@link LeanDenseLayer}. DL4J's dense layer (1.0.0-M2.1) recomputes its pre-activation
 * {@code z = x·W + b} in the backward pass and always computes the gradient of its input, even in the first
 * layer where nobody reads it: for a 784-256 layer that is four large matrix products per update where two
 * suffice. This layer keeps its ReLU output from the training forward pass (ReLU's derivative is the same
 * whether read from {@code z} or from {@code relu(z)}) and skips the input gradient when it is not needed. The
 * gradients are bit-for-bit those of {@link DenseLayer}: the same products on the same operands.
 *
 * <p>In a network's first layer the gradient of the input is never computed: DL4J's {@code fit} drops it anyway, but
 * {@code MultiLayerNetwork.backpropGradient} or {@code calculateGradients} asked for it get null.
 *
 * <p>Anything this shortcut does not cover (another activation, dropout, weight noise, masks, layer norm, a
 * backward pass not preceded by a training forward pass on the same input) takes DL4J's own path.
 */
final class LeanDense extends DenseLayer {
    private static final IActivation PLAIN_RELU = new ActivationReLU();

    private final boolean inputGradientNeeded;
    /** See {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}. */
    private long javaProductLimit;
    private boolean productLimitRaised;
    private boolean gradientsAveraged;
    private final KeptOutput kept = new KeptOutput();
    private final ProductBuffers buffers = new ProductBuffers();

    LeanDense(NeuralNetConfiguration conf, DataType dataType, boolean inputGradientNeeded, long javaProductLimit) {
        super(conf, dataType);
        this.inputGradientNeeded = inputGradientNeeded;
        this.javaProductLimit = javaProductLimit;
    }

    /**
     * The output layer divides its error by the batch size (see {@link LeanSoftmaxOutput#averageGradients}), so
     * this layer's gradients arrive as averages and the updater must not divide them again.
     */
    void averageGradients() {
        gradientsAveraged = true;
    }

    /** Takes products up to {@code factor} times its limit in Java ({@link LeanLayers#ALL_LEAN_PRODUCT_FACTOR}); once. */
    void raiseProductLimit(int factor) {
        if (!productLimitRaised) {
            javaProductLimit *= factor;
            productLimitRaised = true;
        }
    }

    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return !gradientsAveraged && super.updaterDivideByMinibatch(paramName);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = isPlainDense() ? LeanLayers.preActivation(input, dataType, getParam(DefaultParamInitializer.WEIGHT_KEY),
                getParam(DefaultParamInitializer.BIAS_KEY), workspaceMgr, javaProductLimit, buffers) : null;
        // DL4J's own path otherwise, with its checks and messages
        return z != null ? new Pair<>(z, z) : super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        kept.forget();
        INDArray output = reluInJava(workspaceMgr);
        if (output == null) {
            output = super.activate(training, workspaceMgr);
        }
        kept.keep(training, input, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray forwardOutput = canReuseForwardPass() ? kept.forInput(input) : null;
        if (forwardOutput == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (SmallProducts.inJava(forwardOutput, input.size(0), weights.size(0), weights.size(1), javaProductLimit)
                && epsilon.dataType() == DataType.FLOAT && input.dataType() == DataType.FLOAT) {
            return backpropInJava(epsilon, forwardOutput, weights, workspaceMgr);
        }
        // As DenseLayer.backpropGradient, minus the recomputed z and, where unread, the input gradient.
        INDArray delta = layerConf().getActivationFn().backprop(forwardOutput, epsilon).getFirst();
        DefaultGradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray inputGradient = null;
        if (inputGradientNeeded) {
            inputGradient = LeanLayers.inputGradient(delta, weights, workspaceMgr, javaProductLimit, buffers);
        }
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        LeanLayers.weightGradient(input, delta, weightGradient, javaProductLimit, buffers);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        kept.forget();
        return new Pair<>(gradient, inputGradient);
    }

    /** The same gradients from Java loops ({@link SmallProducts}), ReLU's derivative read from the kept output. */
    private Pair<Gradient, INDArray> backpropInJava(INDArray epsilon, INDArray forwardOutput, INDArray weights,
                                                    LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) epsilon.size(0);
        int columns = (int) epsilon.size(1);
        float[][] delta = buffers.delta = HostCopy.rows(epsilon, ProductBuffers.shaped(buffers.delta, rows, columns));
        float[][] output = buffers.output = HostCopy.rows(forwardOutput, ProductBuffers.shaped(buffers.output, rows, columns));
        for (int r = 0; r < rows; r++) {
            float[] dr = delta[r];
            float[] or = output[r];
            for (int j = 0; j < columns; j++) {
                if (!(or[j] > 0)) {
                    dr[j] = 0; // ReLU's derivative: 0 where the output is 0 (DL4J's: z > 0)
                }
            }
        }
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        INDArray inputGradient = SmallProducts.gradients(input, delta, weights, weightGradient, biasGradient,
                inputGradientNeeded, buffers, workspaceMgr);
        DefaultGradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        kept.forget();
        return new Pair<>(gradient, inputGradient);
    }

    /**
     * As DL4J's {@code activate} (the pre-activation, then ReLU) in one pass of Java loops ({@link SmallProducts}), for
     * a plain ReLU layer small enough for them; null otherwise.
     */
    private INDArray reluInJava(LayerWorkspaceMgr workspaceMgr) {
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (!canReuseForwardPass() || !LeanLayers.productInJava(input, dataType, weights, javaProductLimit)) {
            return null;
        }
        return SmallProducts.linear(input, weights, getParam(DefaultParamInitializer.BIAS_KEY), true, buffers, workspaceMgr);
    }

    /**
     * Whether a batch of {@code rows} gets this layer's forward and backward passes in Java ({@link SmallProducts},
     * ReLU read from the kept output): what {@link LeanStep} computes for it.
     */
    boolean allInJava(int rows) {
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        return canReuseForwardPass() && dataType == DataType.FLOAT && weights.dataType() == DataType.FLOAT
                && SmallProducts.withinLimit(rows, weights.size(0), weights.size(1), javaProductLimit);
    }

    boolean averagesGradients() {
        return gradientsAveraged;
    }

    private boolean canReuseForwardPass() {
        return isPlainDense() && PLAIN_RELU.equals(layerConf().getActivationFn());
    }

    /** Whether this layer's products have run through oneDNN ({@link OneDnnProduct}): for tests. */
    boolean productsByOneDnn() {
        return buffers.oneDnn.used();
    }

    /** No layer norm, mask, dropout or weight noise: a plain {@code x·W + b}. */
    private boolean isPlainDense() {
        return maskArray == null && !hasLayerNorm() && hasBias() && layerConf().getIDropout() == null
                && layerConf().getWeightNoise() == null;
    }

    /** This layer's view of the network's gradient array for parameter {@code key} ("W" or "b"). */
    INDArray gradientView(String key) {
        return gradientViews.get(key);
    }

    @Override
    public void clear() {
        super.clear();
        kept.forget();
    }
}
