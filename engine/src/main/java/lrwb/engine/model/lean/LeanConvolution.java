package lrwb.engine.model.lean;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runtime side of {@link LeanConvolutionLayer}. DL4J's convolution layer (1.0.0-M2.1) runs im2col and a matrix
 * product in Java, allocating a patch matrix of batch·outH·outW rows on every pass, and in its backward pass
 * recomputes the forward one and runs col2im: for the {@code cnn} model some 95% of an update. ND4J has the whole
 * convolution as one native operation ({@code conv2d}, {@code conv2d_bp}), which its oneDNN build runs through
 * oneDNN's convolution kernels. This layer calls those on DL4J's own parameter views (weights {@code [out, in, kH, kW]},
 * ND4J's weight format 1), in DL4J's data format (NCHW or NHWC) and padding (same mode, or explicit padding for
 * truncate and strict). Results equal DL4J's within float rounding (other summation orders): tested against the
 * stock layer.
 *
 * <p>As {@link LeanDense}, a ReLU layer keeps its output from the training forward pass and takes ReLU's derivative
 * from it, so the backward pass does not convolve the input again. Anything not covered (causal mode, masks, weight
 * noise, a backward pass not preceded by a training forward pass on the same input) takes DL4J's own path.
 *
 * <p>In a network's first layer the gradient of the input is not computed: DL4J's {@code fit} drops it anyway;
 * {@code MultiLayerNetwork.backpropGradient} or {@code calculateGradients} asked for it get zeros.
 */
final class LeanConvolution extends ConvolutionLayer {
    private static final IActivation PLAIN_RELU = new ActivationReLU();
    /** ND4J's weight layout {@code [outChannels, inChannels, kH, kW]}: DL4J's parameter layout. */
    private static final int WEIGHTS_OUT_IN_H_W = 1;

    private final boolean inputGradientNeeded;
    /** The next layer is one of ours that reads channels-last activations ({@link OneDnn#isChannelsLast}). */
    private final boolean channelsLastOutput;
    private final KeptOutput kept = new KeptOutput();
    /** oneDNN's primitives for the last few input shapes ({@link #oneDnn}). */
    private final OneDnn.Shapes<OneDnnConvolution> oneDnn = new OneDnn.Shapes<>();

    LeanConvolution(NeuralNetConfiguration conf, DataType dataType, boolean inputGradientNeeded,
                    boolean channelsLastOutput) {
        super(conf, dataType);
        this.inputGradientNeeded = inputGradientNeeded;
        this.channelsLastOutput = channelsLastOutput;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (!isNative()) {
            inDl4jsLayout(workspaceMgr);
            return super.preOutput(training, forBackprop, workspaceMgr);
        }
        assertInputSet(false);
        validateInputRank();
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        validateInputDepth(weights.size(1));
        INDArray input = this.input.castTo(dataType);
        long[] outShape = outputShape(input, weights.size(0)); // also DL4J's validation of sizes and padding
        OneDnnConvolution oneDnn = oneDnn(input, weights, outShape);
        if (oneDnn != null) {
            INDArray z = output(oneDnn, outShape, workspaceMgr);
            oneDnn.forward(readable(input), weights, bias(), z, false);
            return new Pair<>(z, null);
        }
        input = OneDnn.isDenseC(input) ? input : workspaceMgr.dup(ArrayType.ACTIVATIONS, input, 'c');
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(), outShape, 'c');
        INDArray[] inputs = hasBias()
                ? new INDArray[] {input, weights, vector(getParam(ConvolutionParamInitializer.BIAS_KEY))}
                : new INDArray[] {input, weights};
        // One addInputs call: each call replaces the inputs before it.
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(inputs).addOutputs(z)
                .addIntegerArguments(integerArguments()).build());
        return new Pair<>(z, null);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        kept.forget();
        INDArray output = reluInOnePass() ? reluOutput(training, workspaceMgr) : null;
        if (output == null) {
            output = super.activate(training, workspaceMgr); // through preOutput, which takes any layout
        }
        kept.keep(training, input, output);
        return output;
    }

    /** ReLU as oneDNN's post-op of the convolution: one pass over the output instead of two. */
    private boolean reluInOnePass() {
        return isNative() && PLAIN_RELU.equals(layerConf().getActivationFn())
                && (cacheMode == null || cacheMode == CacheMode.NONE) && OneDnn.available();
    }

    /** ConvolutionLayer.activate with the activation inside the convolution; null when oneDNN cannot take it. */
    private INDArray reluOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        validateInputRank();
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        validateInputDepth(weights.size(1));
        long[] outShape = outputShape(this.input, weights.size(0));
        OneDnnConvolution oneDnn = oneDnn(this.input.castTo(dataType), weights, outShape);
        if (oneDnn == null) {
            return null;
        }
        applyDropOutIfNecessary(training, workspaceMgr); // as DL4J's activate: may replace the input, same shape
        INDArray z = output(oneDnn, outShape, workspaceMgr);
        oneDnn.forward(readable(this.input.castTo(dataType)), weights, bias(), z, true);
        return z;
    }

    /**
     * The output array: channels-last for a next layer of ours that reads it so (no reorder on either side, nor for
     * the gradient coming back, which follows its input's layout), else DL4J's own layout.
     */
    private INDArray output(OneDnnConvolution oneDnn, long[] outShape, LayerWorkspaceMgr workspaceMgr) {
        return channelsLastOutput && oneDnn.geometry().nchw()
                ? OneDnn.channelsLast(workspaceMgr, ArrayType.ACTIVATIONS, dataType, outShape)
                : workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, outShape, 'c');
    }

    /** Before DL4J's own path: an input in another layout than DL4J's (channels-last from a layer of ours) copied. */
    private void inDl4jsLayout(LayerWorkspaceMgr workspaceMgr) {
        if (input != null && !OneDnn.isDenseC(input)) {
            input = workspaceMgr.dup(ArrayType.ACTIVATIONS, input, 'c');
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if ((OneDnn.isDenseC(input) && OneDnn.isDenseC(epsilon)) || (isNative() && oneDnnFor(input) != null)) {
            return backprop(epsilon, workspaceMgr);
        }
        // DL4J's and ND4J's paths read DL4J's layout: channels-last arrays (from a layer of ours) copied for this pass
        INDArray original = input;
        try {
            input = OneDnn.isDenseC(input) ? input : workspaceMgr.dup(ArrayType.BP_WORKING_MEM, input, 'c');
            return backprop(OneDnn.isDenseC(epsilon) ? epsilon
                    : workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, 'c'), workspaceMgr);
        } finally {
            input = original; // the copy's workspace ends with this pass
        }
    }

    private Pair<Gradient, INDArray> backprop(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!isNative()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray input = this.input.castTo(dataType);
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        OneDnnConvolution oneDnn = oneDnn(input, weights, epsilon.shape());
        if (oneDnn != null && PLAIN_RELU.equals(layerConf().getActivationFn()) && kept.forInput(input) != null
                && oneDnn.hasReluOutputOf(input)) {
            return oneDnnBackward(oneDnn, input, weights, readable(epsilon.castTo(dataType)), true, workspaceMgr);
        }
        INDArray delta = activationGradient(epsilon.castTo(dataType), workspaceMgr);
        if (oneDnn != null) {
            return oneDnnBackward(oneDnn, input, weights, readable(delta), false, workspaceMgr);
        }

        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
        INDArray inputGradient;
        if (!inputGradientNeeded && weightGradientIsAConvolution()) {
            weightGradientByConvolution(input, delta, weightGradient, workspaceMgr);
            if (biasGradient != null) {
                boolean nchw = layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
                delta.sum(vector(biasGradient), nchw ? new int[] {0, 2, 3} : new int[] {0, 1, 2});
            }
            // Nobody reads it (see the class comment), but DL4J's input preprocessor reshapes whatever comes back.
            inputGradient = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        } else {
            inputGradient = nativeBackward(input, weights, delta, weightGradient, biasGradient, workspaceMgr);
        }

        return gradients(weightGradient, biasGradient, inputGradient);
    }

    /** The gradients through oneDNN ({@link OneDnnConvolution#backward}), as DL4J hands them back. */
    private Pair<Gradient, INDArray> oneDnnBackward(OneDnnConvolution oneDnn, INDArray input, INDArray weights,
                                                    INDArray delta, boolean throughRelu, LayerWorkspaceMgr workspaceMgr) {
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
        INDArray inputGradient = !inputGradientNeeded
                // Nobody reads it (see the class comment), but DL4J's input preprocessor reshapes what comes back.
                ? workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c')
                // in the layout the input came in: a channels-last input came from a layer of ours that reads it so
                : OneDnn.isChannelsLast(input) && !OneDnn.isDenseC(input)
                ? OneDnn.channelsLast(workspaceMgr, ArrayType.ACTIVATION_GRAD, dataType, input.shape())
                : workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        oneDnn.backward(readable(input), weights, delta, weightGradient, biasGradient,
                inputGradientNeeded ? inputGradient : null, throughRelu);
        return gradients(weightGradient, biasGradient, inputGradient);
    }

    /** What a backward pass hands DL4J: the parameters' gradient views and the input's gradient. */
    private Pair<Gradient, INDArray> gradients(INDArray weightGradient, INDArray biasGradient, INDArray inputGradient) {
        Gradient gradient = new DefaultGradient();
        if (biasGradient != null) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        kept.forget();
        return new Pair<>(gradient, backpropDropOutIfPresent(inputGradient));
    }

    /** ND4J's {@code conv2d_bp}: the gradients of the input, the weights and the bias in one operation. */
    private INDArray nativeBackward(INDArray input, INDArray weights, INDArray delta, INDArray weightGradient,
                                    INDArray biasGradient, LayerWorkspaceMgr workspaceMgr) {
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        INDArray[] inputs = hasBias()
                ? new INDArray[] {input, weights, vector(getParam(ConvolutionParamInitializer.BIAS_KEY)), delta}
                : new INDArray[] {input, weights, delta};
        INDArray[] outputs = hasBias()
                ? new INDArray[] {inputGradient, weightGradient, vector(biasGradient)}
                : new INDArray[] {inputGradient, weightGradient};
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(inputs).addOutputs(outputs)
                .addIntegerArguments(integerArguments()).build());
        return inputGradient;
    }

    /**
     * Stride 1, no dilation and the same padding on every side: the weight gradient is itself a convolution, of the
     * input with the output's gradient as the kernel (batch and channels swapped:
     * {@code dW[o,i,y,x] = Σ_b Σ_p in[b,i,p+(y,x)] · delta[b,o,p]}). oneDNN runs that forward convolution several times
     * faster than its backward one for a first layer of few channels (1.5 against 4.8 ms for the {@code cnn} model's
     * first layer at batch 64), and the input's gradient, which a first layer does not need, is not computed.
     */
    private boolean weightGradientIsAConvolution() {
        int[] k = layerConf().getKernelSize();
        int[] s = layerConf().getStride();
        int[] d = layerConf().getDilation();
        boolean symmetric = convolutionMode != ConvolutionMode.Same || (k[0] % 2 == 1 && k[1] % 2 == 1);
        return s[0] == 1 && s[1] == 1 && d[0] == 1 && d[1] == 1 && symmetric;
    }

    private void weightGradientByConvolution(INDArray input, INDArray delta, INDArray weightGradient,
                                             LayerWorkspaceMgr workspaceMgr) {
        boolean nchw = layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
        int[] channelsFirst = nchw ? new int[] {1, 0, 2, 3} : new int[] {3, 0, 1, 2}; // [channels, batch, h, w]
        INDArray in = transposedCopy(input, channelsFirst, workspaceMgr);
        INDArray kernel = transposedCopy(delta, channelsFirst, workspaceMgr);
        int[] k = layerConf().getKernelSize();
        int[] p = convolutionMode == ConvolutionMode.Same ? new int[] {(k[0] - 1) / 2, (k[1] - 1) / 2}
                : layerConf().getPadding();
        long outH = kernel.size(2);
        long outW = kernel.size(3);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {in.size(0), kernel.size(0), k[0], k[1]}, 'c'); // [in, out, kH, kW]
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(in, kernel).addOutputs(result)
                .addIntegerArguments((int) outH, (int) outW, 1, 1, p[0], p[1], 1, 1, 0, 0, WEIGHTS_OUT_IN_H_W).build());
        weightGradient.assign(result.permute(1, 0, 2, 3));
    }

    /** {@code array} permuted as {@code order}, in its own c-ordered memory (a reshape when nothing moves). */
    private static INDArray transposedCopy(INDArray array, int[] order, LayerWorkspaceMgr workspaceMgr) {
        long[] shape = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            shape[i] = array.size(order[i]);
        }
        if (array.size(order[0]) == 1 && array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array)) {
            return array.reshape('c', shape); // one channel: the same memory in the new order
        }
        INDArray copy = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, array.dataType(), shape, 'c');
        return copy.assign(array.permute(order));
    }

    /** dL/dz from dL/da: from the kept output for ReLU, else from z computed again (as DL4J does). */
    private INDArray activationGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        IActivation activation = layerConf().getActivationFn();
        INDArray output = PLAIN_RELU.equals(activation) ? kept.forInput(input) : null;
        if (output != null) {
            // ReLU's derivative as a 0/1 step times the gradient, in the kept output (not read again): the same values
            // as ActivationReLU.backprop, two plain passes in a quarter of its time (0.44 against 1.7 ms at 64×8×28×28).
            Nd4j.exec(new Step(output, output, 0.0));
            return output.muli(epsilon);
        }
        return activation.backprop(preOutput(true, true, workspaceMgr).getFirst(), epsilon).getFirst();
    }

    private long[] outputShape(INDArray input, long outChannels) {
        CNN2DFormat format = layerConf().getCnn2dDataFormat();
        int[] out = ConvolutionUtils.getOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(),
                convolutionMode == ConvolutionMode.Same ? null : layerConf().getPadding(), convolutionMode,
                layerConf().getDilation(), format);
        return format == CNN2DFormat.NCHW
                ? new long[] {input.size(0), outChannels, out[0], out[1]}
                : new long[] {input.size(0), out[0], out[1], outChannels};
    }

    /** conv2d's arguments: kernel, stride, padding, dilation, same mode, data format, weight format. */
    private int[] integerArguments() {
        int[] k = layerConf().getKernelSize();
        int[] s = layerConf().getStride();
        int[] p = convolutionMode == ConvolutionMode.Same ? new int[] {0, 0} : layerConf().getPadding();
        int[] d = layerConf().getDilation();
        return new int[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                convolutionMode == ConvolutionMode.Same ? 1 : 0,
                layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW ? 0 : 1,
                WEIGHTS_OUT_IN_H_W};
    }

    /**
     * This layer's oneDNN primitives for an input of this shape (the last few shapes' are kept: a pass's last batch is
     * smaller, validation goes in chunks of another size), or null where they do not apply: oneDNN missing, not float, dilation, causal mode, masks.
     */
    /** The primitives for the current parameters and {@code input} (null as {@link #oneDnn(INDArray, INDArray, long[])}). */
    private OneDnnConvolution oneDnnFor(INDArray input) {
        if (input == null) {
            return null;
        }
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        return input.rank() != 4 || input.size(layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW ? 1 : 3) != weights.size(1)
                ? null : oneDnn(input.castTo(dataType), weights, outputShape(input, weights.size(0)));
    }

    private OneDnnConvolution oneDnn(INDArray input, INDArray weights, long[] outShape) {
        if (!isNative() || !OneDnn.available() || input.dataType() != DataType.FLOAT
                || weights.dataType() != DataType.FLOAT || !OneDnn.isDenseC(weights)) {
            return null;
        }
        OneDnnConvolution.Geometry g = geometry(input, weights, outShape);
        return oneDnn.get(g.key(), () -> new OneDnnConvolution(g));
    }

    private OneDnnConvolution.Geometry geometry(INDArray input, INDArray weights, long[] outShape) {
        boolean nchw = layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
        int c = nchw ? 1 : 3;
        int h = nchw ? 2 : 1;
        int w = nchw ? 3 : 2;
        int[] k = layerConf().getKernelSize();
        int[] s = layerConf().getStride();
        int[] padding = OneDnn.padding(convolutionMode, new int[] {(int) outShape[h], (int) outShape[w]},
                new int[] {(int) input.size(h), (int) input.size(w)}, k, s, layerConf().getDilation(), layerConf().getPadding());
        return new OneDnnConvolution.Geometry(input.size(0), input.size(c), input.size(h), input.size(w), weights.size(0),
                outShape[h], outShape[w], k.clone(), s.clone(), padding, nchw, hasBias());
    }

    /** Whether the last pass went through oneDNN's primitives (tests). */
    boolean ranOnOneDnn() {
        return oneDnn.last() != null;
    }

    /** Whether the last shape's backward pass took ReLU's gradient through oneDNN (tests). */
    boolean tookReluGradientOnOneDnn() {
        return oneDnn.last() != null && oneDnn.last().tookReluGradient();
    }

    private INDArray bias() {
        return hasBias() ? getParam(ConvolutionParamInitializer.BIAS_KEY) : null;
    }

    /**
     * The array itself when its values lie as oneDNN reads them (c order, or channels-last in an NCHW network); else a
     * c-ordered copy.
     */
    private INDArray readable(INDArray array) {
        boolean nchw = layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
        return OneDnn.isDenseC(array) || nchw && OneDnn.isChannelsLast(array) ? array : array.dup('c');
    }

    /** DL4J keeps a bias as a {@code [1, n]} row; the operations take {@code [n]}: a view of the same memory. */
    private static INDArray vector(INDArray row) {
        return row.reshape(row.length());
    }

    /**
     * Same, truncate or strict mode, no dilation, no mask, no weight noise: what the native operations compute as DL4J
     * does. (ND4J 1.0.0-M2.1's oneDNN build fails on dilated convolutions: "could not create a descriptor".)
     */
    private boolean isNative() {
        int[] d = layerConf().getDilation();
        return maskArray == null && layerConf().getWeightNoise() == null && d[0] == 1 && d[1] == 1
                && (convolutionMode == ConvolutionMode.Same || convolutionMode == ConvolutionMode.Truncate
                || convolutionMode == ConvolutionMode.Strict);
    }

    @Override
    public void clear() {
        super.clear();
        kept.forget();
    }
}
