package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.algorithm;
import static org.bytedeco.dnnl.global.dnnl.prop_kind;

/**
 * One 2D convolution's oneDNN primitives for one input shape (see {@link OneDnn} for why), created once and run on
 * the ND4J arrays of DL4J's layer: the forward pass (optionally with ReLU applied in the same pass), the weight and
 * bias gradients, and the input's gradient. The kernels run on channels-last (NHWC) memory, where oneDNN has its
 * fastest single-thread kernels for few channels; a layer in DL4J's NCHW layout has its activations and their
 * gradients reordered on the way in and out (oneDNN's reorders, a fraction of the convolution's time), except where
 * NCHW and NHWC are the same bytes (one channel). Weights stay in DL4J's {@code [out, in, kH, kW]} layout and are
 * reordered into the kernels' own blocked layout per pass (a few thousand values).
 *
 * <p>Not thread-safe: a layer's own instance, used by the thread running that layer.
 */
final class OneDnnConvolution {
    /**
     * What one set of primitives serves.
     *
     * @param batch, channels, height, width   the input, in DL4J's dimension order names (whatever its layout)
     * @param padding                          top, left, bottom, right
     * @param nchw                             DL4J's layout of the layer's activations
     */
    record Geometry(long batch, long inChannels, long inHeight, long inWidth, long outChannels, long outHeight,
                    long outWidth, int[] kernel, int[] stride, int[] padding, boolean nchw, boolean bias) {
        boolean sameAs(Geometry o) {
            return batch == o.batch && inChannels == o.inChannels && inHeight == o.inHeight && inWidth == o.inWidth
                    && outChannels == o.outChannels && outHeight == o.outHeight && outWidth == o.outWidth
                    && java.util.Arrays.equals(kernel, o.kernel) && java.util.Arrays.equals(stride, o.stride)
                    && java.util.Arrays.equals(padding, o.padding) && nchw == o.nchw && bias == o.bias;
        }

        long[] inputDims() {
            return new long[] {batch, inChannels, inHeight, inWidth};
        }

        long[] outputDims() {
            return new long[] {batch, outChannels, outHeight, outWidth};
        }

        long[] weightDims() {
            return new long[] {outChannels, inChannels, kernel[0], kernel[1]};
        }
    }

    private final Geometry geometry;
    private final stream stream = new stream(OneDnn.engine());
    private final long[] strides;
    private final long[] padBefore;
    private final long[] padAfter;

    // DL4J's arrays, bound per call
    private final OneDnn.Bound userInput;
    private final OneDnn.Bound userOutput;
    private final OneDnn.Bound userWeights;
    private final OneDnn.Bound userBias;
    // the kernels' channels-last activations: DL4J's own array where the bytes agree, else memory of our own
    private final Activations input;
    private final Activations output;

    private convolution_forward.primitive_desc forwardDescription;
    private final Forward plain;
    private Forward relu;
    private Backward backward;

    OneDnnConvolution(Geometry geometry) {
        this.geometry = geometry;
        int[] p = geometry.padding();
        strides = new long[] {geometry.stride()[0], geometry.stride()[1]};
        padBefore = new long[] {p[0], p[1]};
        padAfter = new long[] {p[2], p[3]};
        memory.format_tag userLayout = geometry.nchw() ? memory.format_tag.nchw : memory.format_tag.nhwc;
        userInput = new OneDnn.Bound(OneDnn.floats(geometry.inputDims(), userLayout));
        userOutput = new OneDnn.Bound(OneDnn.floats(geometry.outputDims(), userLayout));
        userWeights = new OneDnn.Bound(OneDnn.floats(geometry.weightDims(), memory.format_tag.oihw));
        userBias = geometry.bias() ? new OneDnn.Bound(OneDnn.floats(new long[] {geometry.outChannels()}, memory.format_tag.x)) : null;
        input = new Activations(userInput, geometry.inputDims(), geometry.inChannels());
        output = new Activations(userOutput, geometry.outputDims(), geometry.outChannels());
        plain = new Forward(false);
    }

    Geometry geometry() {
        return geometry;
    }

    /**
     * z = conv(input, weights) + bias, with ReLU applied when {@code relu}, into {@code z} (DL4J's layout, c-ordered).
     * The channels-last input stays for {@link #backward} while the same input array comes back.
     */
    void forward(INDArray in, INDArray weights, INDArray bias, INDArray z, boolean withRelu) {
        Forward f = withRelu ? relu() : plain;
        input.take(in);
        userWeights.bind(weights);
        f.weightsReorder.execute(stream, userWeights.memory, f.weights);
        if (userBias != null) {
            userBias.bind(bias);
        }
        output.bindUser(z);
        f.primitive.execute(stream, f.arguments);
        output.give();
    }

    /**
     * The gradients of the weights and bias into DL4J's gradient views, and, when {@code inputGradient} is not null, of
     * the input into it, from the gradient of the pre-activation {@code delta} (DL4J's layout, c-ordered).
     */
    void backward(INDArray in, INDArray weights, INDArray delta, INDArray weightGradient, INDArray biasGradient,
                  INDArray inputGradient) {
        Backward b = backward();
        input.takeAgain(in);
        b.outputGradient.take(delta);
        b.userWeightGradient.bind(weightGradient);
        if (b.userBiasGradient != null) {
            b.userBiasGradient.bind(biasGradient);
        }
        b.weightsPrimitive.execute(stream, b.weightsArguments);
        b.weightGradientReorder.execute(stream, b.weightGradient, b.userWeightGradient.memory);
        if (inputGradient != null) {
            userWeights.bind(weights);
            b.dataWeightsReorder.execute(stream, userWeights.memory, b.dataWeights);
            b.inputGradient.bindUser(inputGradient);
            b.dataPrimitive.execute(stream, b.dataArguments);
            b.inputGradient.give();
        }
    }

    private Forward relu() {
        if (relu == null) {
            relu = new Forward(true);
        }
        return relu;
    }

    private Backward backward() {
        if (backward == null) {
            backward = new Backward();
        }
        return backward;
    }

    private convolution_forward.desc forwardDesc() {
        memory.desc anyWeights = OneDnn.floats(geometry.weightDims(), memory.format_tag.any);
        return geometry.bias()
                ? new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, input.kernelDesc,
                anyWeights, userBias.memory.get_desc(), output.kernelDesc, strides, padBefore, padAfter)
                : new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, input.kernelDesc,
                anyWeights, output.kernelDesc, strides, padBefore, padAfter);
    }

    /** The forward primitive, plain or with ReLU as a post-op, and its weights in the kernel's layout. */
    private final class Forward {
        final convolution_forward primitive;
        final memory weights;
        final reorder weightsReorder;
        final IntMemoryMap arguments = new IntMemoryMap();

        Forward(boolean withRelu) {
            convolution_forward.primitive_desc pd;
            if (withRelu) {
                post_ops ops = new post_ops();
                ops.append_eltwise(1f, algorithm.eltwise_relu, 0f, 0f);
                primitive_attr attributes = new primitive_attr();
                attributes.set_post_ops(ops);
                pd = new convolution_forward.primitive_desc(forwardDesc(), attributes, OneDnn.engine());
            } else {
                pd = new convolution_forward.primitive_desc(forwardDesc(), OneDnn.engine());
            }
            if (forwardDescription == null) {
                forwardDescription = pd; // the hint the backward primitives are made for
            }
            primitive = new convolution_forward(pd);
            weights = new memory(pd.weights_desc(), OneDnn.engine());
            weightsReorder = new reorder(userWeights.memory, weights);
            arguments.put(DNNL_ARG_SRC, input.kernel);
            arguments.put(DNNL_ARG_WEIGHTS, weights);
            if (userBias != null) {
                arguments.put(DNNL_ARG_BIAS, userBias.memory);
            }
            arguments.put(DNNL_ARG_DST, output.kernel);
        }
    }

    /** The weight (and bias) gradient primitive and, created with it, the input-gradient one. */
    private final class Backward {
        final Activations outputGradient = new Activations(new OneDnn.Bound(userOutput.memory.get_desc()),
                geometry.outputDims(), geometry.outChannels());
        final Activations inputGradient = new Activations(new OneDnn.Bound(userInput.memory.get_desc()),
                geometry.inputDims(), geometry.inChannels());
        final OneDnn.Bound userWeightGradient = new OneDnn.Bound(userWeights.memory.get_desc());
        final OneDnn.Bound userBiasGradient = userBias == null ? null : new OneDnn.Bound(userBias.memory.get_desc());
        final convolution_backward_weights weightsPrimitive;
        final memory weightGradient;
        final reorder weightGradientReorder;
        final IntMemoryMap weightsArguments = new IntMemoryMap();
        final convolution_backward_data dataPrimitive;
        final memory dataWeights;
        final reorder dataWeightsReorder;
        final IntMemoryMap dataArguments = new IntMemoryMap();

        Backward() {
            memory.desc anyWeights = OneDnn.floats(geometry.weightDims(), memory.format_tag.any);
            convolution_forward.primitive_desc hint = forwardDescription;
            convolution_backward_weights.desc wd = geometry.bias()
                    ? new convolution_backward_weights.desc(algorithm.convolution_direct, input.kernelDesc, anyWeights,
                    userBias.memory.get_desc(), outputGradient.kernelDesc, strides, padBefore, padAfter)
                    : new convolution_backward_weights.desc(algorithm.convolution_direct, input.kernelDesc, anyWeights,
                    outputGradient.kernelDesc, strides, padBefore, padAfter);
            convolution_backward_weights.primitive_desc wpd =
                    new convolution_backward_weights.primitive_desc(wd, OneDnn.engine(), hint);
            weightsPrimitive = new convolution_backward_weights(wpd);
            weightGradient = new memory(wpd.diff_weights_desc(), OneDnn.engine());
            weightGradientReorder = new reorder(weightGradient, userWeightGradient.memory);
            weightsArguments.put(DNNL_ARG_SRC, input.kernel);
            weightsArguments.put(DNNL_ARG_DIFF_DST, outputGradient.kernel);
            weightsArguments.put(DNNL_ARG_DIFF_WEIGHTS, weightGradient);
            if (userBiasGradient != null) {
                weightsArguments.put(DNNL_ARG_DIFF_BIAS, userBiasGradient.memory);
            }

            convolution_backward_data.desc dd = new convolution_backward_data.desc(algorithm.convolution_direct,
                    inputGradient.kernelDesc, anyWeights, outputGradient.kernelDesc, strides, padBefore, padAfter);
            convolution_backward_data.primitive_desc dpd =
                    new convolution_backward_data.primitive_desc(dd, OneDnn.engine(), hint);
            dataPrimitive = new convolution_backward_data(dpd);
            dataWeights = new memory(dpd.weights_desc(), OneDnn.engine());
            dataWeightsReorder = new reorder(userWeights.memory, dataWeights);
            dataArguments.put(DNNL_ARG_DIFF_DST, outputGradient.kernel);
            dataArguments.put(DNNL_ARG_WEIGHTS, dataWeights);
            dataArguments.put(DNNL_ARG_DIFF_SRC, inputGradient.kernel);
        }
    }

    /**
     * Activations (or their gradients) as DL4J holds them and as the kernels read them (channels-last): the same
     * memory when the layouts agree, else a copy of our own and a reorder each way.
     */
    private final class Activations {
        final OneDnn.Bound user;
        final memory.desc kernelDesc;
        final memory kernel;
        private final reorder toKernel;
        private final reorder toUser;
        private final OneDnn.Address kernelAddress = new OneDnn.Address();
        private INDArray taken;

        Activations(OneDnn.Bound user, long[] dims, long channels) {
            this.user = user;
            kernelDesc = OneDnn.floats(dims, memory.format_tag.nhwc);
            if (!geometry.nchw() || channels == 1) {
                kernel = new memory(kernelDesc, OneDnn.engine(), kernelAddress.at(0));
                toKernel = null;
                toUser = null;
            } else {
                kernel = new memory(kernelDesc, OneDnn.engine());
                toKernel = new reorder(user.memory, kernel);
                toUser = new reorder(kernel, user.memory);
            }
        }

        private boolean shared() {
            return toKernel == null;
        }

        /** DL4J's array in, reordered for the kernels where needed. */
        void take(INDArray array) {
            user.bind(array);
            if (shared()) {
                kernel.set_data_handle(kernelAddress.at(HostCopy.address(array)));
            } else {
                toKernel.execute(stream, user.memory, kernel);
            }
            taken = array;
        }

        /** As {@link #take}, skipping the reorder when the same array was taken last (the forward pass's input). */
        void takeAgain(INDArray array) {
            if (array != taken || shared()) {
                take(array);
            }
        }

        /** Where the kernels write: DL4J's array itself, or ours until {@link #give}. */
        void bindUser(INDArray array) {
            user.bind(array);
            if (shared()) {
                kernel.set_data_handle(kernelAddress.at(HostCopy.address(array)));
            }
            taken = null;
        }

        /** Our copy's values into DL4J's array. */
        void give() {
            if (!shared()) {
                toUser.execute(stream, kernel, user.memory);
            }
        }
    }
}
