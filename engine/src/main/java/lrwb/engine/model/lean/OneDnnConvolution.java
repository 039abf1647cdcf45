package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;

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
 * fastest single-thread kernels for few channels. In a network in DL4J's NCHW layout, activations and gradients
 * that another window layer of ours hands over channels-last ({@link OneDnn#isChannelsLast}) are read and written
 * in place; DL4J's NCHW arrays are reordered on the way in and out ({@link OneDnn.Port}), except where NCHW and NHWC
 * are the same bytes (one channel). Weights stay in DL4J's {@code [out, in, kH, kW]} layout and are
 * reordered into the kernels' own blocked layout per pass (a few thousand values).
 *
 * <p>Not thread-safe: a layer's own instance, used by one thread at a time (its primitives' scratchpads are their own,
 * {@link OneDnn#attributes}, so that thread may change). {@link #close} frees its native memory.
 */
final class OneDnnConvolution implements AutoCloseable {
    /**
     * What one set of primitives serves.
     *
     * @param batch, channels, height, width   the input, in DL4J's dimension order names (whatever its layout)
     * @param padding                          top, left, bottom, right
     * @param nchw                             DL4J's layout of the layer's activations
     */
    record Geometry(long batch, long inChannels, long inHeight, long inWidth, long outChannels, long outHeight,
                    long outWidth, int[] kernel, int[] stride, int[] padding, boolean nchw, boolean bias) {
        /** Equal for equal geometries (the record's own equals compares its arrays by reference). */
        java.util.List<Object> key() {
            return java.util.List.of(batch, inChannels, inHeight, inWidth, outChannels, outHeight, outWidth,
                    java.util.Arrays.toString(kernel), java.util.Arrays.toString(stride), java.util.Arrays.toString(padding),
                    nchw, bias);
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
    private final OneDnn.Owned owned = new OneDnn.Owned();
    private final stream stream;
    private final long[] strides;
    private final long[] padBefore;
    private final long[] padAfter;

    // DL4J's parameter arrays, bound per call
    private final OneDnn.Bound userWeights;
    private final OneDnn.Bound userBias;
    // the kernels' channels-last activations: DL4J's own array where the bytes agree, else memory of our own
    private final OneDnn.Port input;
    private final OneDnn.Port output;

    private convolution_forward.primitive_desc forwardDescription;
    private final Forward plain;
    private Forward relu;
    private Backward backward;
    private OneDnn.Step reluBackward;
    /** The input of the last forward pass, when it applied ReLU: {@code output}'s copy then holds its result. */
    private INDArray reluOutputOf;

    OneDnnConvolution(Geometry geometry) {
        this.geometry = geometry;
        stream = owned.add(new stream(OneDnn.engine()));
        int[] p = geometry.padding();
        strides = new long[] {geometry.stride()[0], geometry.stride()[1]};
        padBefore = new long[] {p[0], p[1]};
        padAfter = new long[] {p[2], p[3]};
        userWeights = owned.bound(OneDnn.floats(geometry.weightDims(), memory.format_tag.oihw));
        userBias = geometry.bias() ? owned.bound(OneDnn.floats(new long[] {geometry.outChannels()}, memory.format_tag.x)) : null;
        input = port(geometry.inputDims());
        output = port(geometry.outputDims());
        plain = new Forward(false);
    }

    Geometry geometry() {
        return geometry;
    }

    /** The oneDNN kernel the forward pass runs, e.g. "jit:avx512_common". */
    String forwardKernel(boolean withRelu) {
        return (withRelu ? relu() : plain).kernel;
    }

    /**
     * z = conv(input, weights) + bias, with ReLU applied when {@code relu}, into {@code z} (DL4J's layout, c-ordered).
     * The channels-last input stays for {@link #backward} while the same input array comes back.
     */
    void forward(INDArray in, INDArray weights, INDArray bias, INDArray z, boolean withRelu) {
        Forward f = withRelu ? relu() : plain;
        input.take(in);
        userWeights.bind(weights);
        f.weightsReorder.run(stream);
        if (userBias != null) {
            userBias.bind(bias);
        }
        output.bindUser(z);
        f.convolution.run(stream);
        output.give();
        reluOutputOf = withRelu ? in : null;
        Reference.reachabilityFence(in); // the arrays' memory, bound by address, is read until here
        Reference.reachabilityFence(weights);
        Reference.reachabilityFence(bias);
        Reference.reachabilityFence(z);
    }

    /**
     * Whether {@link #backward} can take the gradient of the activation itself ({@code throughRelu}): the last forward
     * pass was on {@code in} with ReLU. Its output is still where the kernels wrote it: our copy, or DL4J's output array
     * itself (channels-last, or a layout the kernels share), which DL4J keeps until the backward pass.
     */
    boolean hasReluOutputOf(INDArray in) {
        return reluOutputOf != null && reluOutputOf == in;
    }

    /**
     * The gradients of the weights and bias into DL4J's gradient views, and, when {@code inputGradient} is not null, of
     * the input into it, from {@code delta} (DL4J's layout, c-ordered): the gradient of the pre-activation, or with
     * {@code throughRelu} (after {@link #hasReluOutputOf} said yes) that of the activation, taken through ReLU here in
     * one pass over the channels-last copies (ND4J's step and product were two more passes in DL4J's layout).
     */
    void backward(INDArray in, INDArray weights, INDArray delta, INDArray weightGradient, INDArray biasGradient,
                  INDArray inputGradient, boolean throughRelu) {
        Backward b = backward();
        input.takeAgain(in);
        b.outputGradient.take(delta);
        if (throughRelu) {
            reluBackward(b).run(stream);
        }
        b.userWeightGradient.bind(weightGradient);
        if (b.userBiasGradient != null) {
            b.userBiasGradient.bind(biasGradient);
        }
        b.weights.run(stream);
        b.weightGradientReorder.run(stream);
        if (inputGradient != null) {
            userWeights.bind(weights);
            b.dataWeightsReorder.run(stream);
            b.inputGradient.bindUser(inputGradient);
            b.data.run(stream);
            b.inputGradient.give();
        }
        Reference.reachabilityFence(in);
        Reference.reachabilityFence(weights);
        Reference.reachabilityFence(delta);
        Reference.reachabilityFence(weightGradient);
        Reference.reachabilityFence(biasGradient);
        Reference.reachabilityFence(inputGradient);
    }

    /** Whether a backward pass took ReLU's gradient here (tests). */
    boolean tookReluGradient() {
        return reluBackward != null;
    }

    /** dL/dz = dL/da where the forward output a = relu(z) is positive, else 0: in place on the gradient's copy. */
    private OneDnn.Step reluBackward(Backward b) {
        if (reluBackward == null) {
            eltwise_forward.desc hintDesc = owned.add(new eltwise_forward.desc(prop_kind.forward_training,
                    algorithm.eltwise_relu_use_dst_for_bwd, output.kernelDesc, 0f, 0f));
            eltwise_forward.primitive_desc hint = owned.add(new eltwise_forward.primitive_desc(hintDesc,
                    owned.add(OneDnn.attributes()), OneDnn.engine()));
            eltwise_backward.desc desc = owned.add(new eltwise_backward.desc(algorithm.eltwise_relu_use_dst_for_bwd,
                    b.outputGradient.kernelDesc, output.kernelDesc, 0f, 0f));
            eltwise_backward.primitive_desc pd = owned.add(new eltwise_backward.primitive_desc(desc,
                    owned.add(OneDnn.attributes()), OneDnn.engine(), hint));
            IntMemoryMap arguments = new IntMemoryMap();
            arguments.put(DNNL_ARG_DST, output.kernel);
            arguments.put(DNNL_ARG_DIFF_DST, b.outputGradient.kernel);
            arguments.put(DNNL_ARG_DIFF_SRC, b.outputGradient.kernel);
            reluBackward = new OneDnn.Step(new eltwise_backward(pd), pd, arguments, owned);
        }
        return reluBackward;
    }

    /** Frees the primitives and the memory of our own; the instance is not used again. */
    @Override
    public void close() {
        owned.close();
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

    private memory.desc anyWeights() {
        return owned.add(OneDnn.floats(geometry.weightDims(), memory.format_tag.any));
    }

    private convolution_forward.desc forwardDesc() {
        return owned.add(geometry.bias()
                ? new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, input.kernelDesc,
                anyWeights(), userBias.memory.get_desc(), output.kernelDesc, strides, padBefore, padAfter)
                : new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, input.kernelDesc,
                anyWeights(), output.kernelDesc, strides, padBefore, padAfter));
    }

    /** Below this many input channels a forward convolution runs oneDNN's direct JIT kernel rather than its brgemm one. */
    static final long FEW_INPUT_CHANNELS = 16;

    /**
     * oneDNN's first choice for a forward convolution on AVX-512 is its brgemm kernel ("brgconv"), which is slow when
     * there are few input channels to reduce over: per forward pass of `cnn`'s 1→8 and 8→16 convolutions 0.39 and
     * 0.53 ms against 0.23 and 0.37 ms for the direct JIT kernel that comes next in its list, and 2.1 against 1.3 ms for
     * cifar-cnn's 3→32 (batch 128). From 32 channels on, brgconv is as fast or faster (5.7 against 6.3 ms for 32→64 at
     * 16×16). A fixed rule, not a timing: the same network gets the same kernels, and so the same numbers, every run.
     */
    private convolution_forward.primitive_desc forwardImplementation(primitive_attr attributes) {
        convolution_forward.primitive_desc first =
                owned.add(new convolution_forward.primitive_desc(forwardDesc(), attributes, OneDnn.engine()));
        if (geometry.inChannels() >= FEW_INPUT_CHANNELS || !OneDnn.implementation(first).startsWith("brgconv")) {
            return first;
        }
        convolution_forward.primitive_desc direct =
                owned.add(new convolution_forward.primitive_desc(forwardDesc(), attributes, OneDnn.engine()));
        while (direct.next_impl()) {
            if (OneDnn.implementation(direct).startsWith("jit:avx512")) {
                return direct;
            }
        }
        return first;
    }

    /** The forward primitive, plain or with ReLU as a post-op, and its weights in the kernel's layout. */
    private final class Forward {
        final OneDnn.Step convolution;
        final OneDnn.Step weightsReorder;
        final String kernel;

        Forward(boolean withRelu) {
            primitive_attr attributes = owned.add(OneDnn.attributes());
            if (withRelu) {
                post_ops ops = owned.add(new post_ops());
                ops.append_eltwise(1f, algorithm.eltwise_relu, 0f, 0f);
                attributes.set_post_ops(ops);
            }
            convolution_forward.primitive_desc pd = forwardImplementation(attributes);
            kernel = OneDnn.implementation(pd);
            if (forwardDescription == null) {
                forwardDescription = pd; // the hint the backward primitives are made for
            }
            memory weights = owned.add(new memory(pd.weights_desc(), OneDnn.engine()));
            weightsReorder = OneDnn.reorder(userWeights.memory, weights, owned);
            IntMemoryMap arguments = new IntMemoryMap();
            arguments.put(DNNL_ARG_SRC, input.kernel);
            arguments.put(DNNL_ARG_WEIGHTS, weights);
            if (userBias != null) {
                arguments.put(DNNL_ARG_BIAS, userBias.memory);
            }
            arguments.put(DNNL_ARG_DST, output.kernel);
            convolution = new OneDnn.Step(new convolution_forward(pd), pd, arguments, owned);
        }
    }

    /** The weight (and bias) gradient primitive and, created with it, the input-gradient one. */
    private final class Backward {
        final OneDnn.Port outputGradient = port(geometry.outputDims());
        final OneDnn.Port inputGradient = port(geometry.inputDims());
        final OneDnn.Bound userWeightGradient = owned.bound(userWeights.memory.get_desc());
        final OneDnn.Bound userBiasGradient = userBias == null ? null : owned.bound(userBias.memory.get_desc());
        final OneDnn.Step weights;
        final OneDnn.Step weightGradientReorder;
        final OneDnn.Step data;
        final OneDnn.Step dataWeightsReorder;

        Backward() {
            convolution_forward.primitive_desc hint = forwardDescription;
            convolution_backward_weights.desc wd = owned.add(geometry.bias()
                    ? new convolution_backward_weights.desc(algorithm.convolution_direct, input.kernelDesc, anyWeights(),
                    userBias.memory.get_desc(), outputGradient.kernelDesc, strides, padBefore, padAfter)
                    : new convolution_backward_weights.desc(algorithm.convolution_direct, input.kernelDesc, anyWeights(),
                    outputGradient.kernelDesc, strides, padBefore, padAfter));
            convolution_backward_weights.primitive_desc wpd = owned.add(new convolution_backward_weights.primitive_desc(
                    wd, owned.add(OneDnn.attributes()), OneDnn.engine(), hint));
            memory weightGradient = owned.add(new memory(wpd.diff_weights_desc(), OneDnn.engine()));
            weightGradientReorder = OneDnn.reorder(weightGradient, userWeightGradient.memory, owned);
            IntMemoryMap weightsArguments = new IntMemoryMap();
            weightsArguments.put(DNNL_ARG_SRC, input.kernel);
            weightsArguments.put(DNNL_ARG_DIFF_DST, outputGradient.kernel);
            weightsArguments.put(DNNL_ARG_DIFF_WEIGHTS, weightGradient);
            if (userBiasGradient != null) {
                weightsArguments.put(DNNL_ARG_DIFF_BIAS, userBiasGradient.memory);
            }
            weights = new OneDnn.Step(new convolution_backward_weights(wpd), wpd, weightsArguments, owned);

            convolution_backward_data.desc dd = owned.add(new convolution_backward_data.desc(algorithm.convolution_direct,
                    inputGradient.kernelDesc, anyWeights(), outputGradient.kernelDesc, strides, padBefore, padAfter));
            convolution_backward_data.primitive_desc dpd = owned.add(new convolution_backward_data.primitive_desc(
                    dd, owned.add(OneDnn.attributes()), OneDnn.engine(), hint));
            memory dataWeights = owned.add(new memory(dpd.weights_desc(), OneDnn.engine()));
            dataWeightsReorder = OneDnn.reorder(userWeights.memory, dataWeights, owned);
            IntMemoryMap dataArguments = new IntMemoryMap();
            dataArguments.put(DNNL_ARG_DIFF_DST, outputGradient.kernel);
            dataArguments.put(DNNL_ARG_WEIGHTS, dataWeights);
            dataArguments.put(DNNL_ARG_DIFF_SRC, inputGradient.kernel);
            data = new OneDnn.Step(new convolution_backward_data(dpd), dpd, dataArguments, owned);
        }
    }

    /** Activations or their gradients of these dimensions, for the kernels' channels-last layout. */
    private OneDnn.Port port(long[] dims) {
        return new OneDnn.Port(dims, memory.format_tag.nhwc, geometry.nchw(), stream, owned);
    }
}
