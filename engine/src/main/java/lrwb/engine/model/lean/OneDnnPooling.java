package lrwb.engine.model.lean;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;
import java.util.Arrays;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.algorithm;
import static org.bytedeco.dnnl.global.dnnl.prop_kind;

/**
 * One 2D pooling's oneDNN primitives for one input shape, run on DL4J's arrays in their input's layout (oneDNN pools
 * NCHW and NHWC alike without reordering; a channels-last input from a layer of ours, {@link OneDnn#isChannelsLast},
 * is pooled channels-last, an output or gradient wanted in the other layout is reordered). The training forward pass keeps where each window's maximum was (oneDNN's
 * workspace), so the backward pass routes the gradient without searching again: ND4J's {@code maxpool2d_bp} runs the
 * forward pooling a second time for that. Not thread-safe: a layer's own instance, used by one thread at a time.
 */
final class OneDnnPooling implements AutoCloseable {
    /**
     * @param dims    the input's {@code [batch, channels, height, width]}
     * @param outSize the output's height and width
     * @param padding top, left, bottom, right
     * @param channelsLast an NCHW network's input that lies channels-last: the kernels run channels-last
     */
    record Geometry(long[] dims, long[] outSize, int[] kernel, int[] stride, int[] padding, boolean nchw, boolean max,
                    boolean channelsLast) {
        /** Equal for equal geometries (the record's own equals compares its arrays by reference). */
        java.util.List<Object> key() {
            return java.util.List.of(Arrays.toString(dims), Arrays.toString(outSize), Arrays.toString(kernel),
                    Arrays.toString(stride), Arrays.toString(padding), nchw, max, channelsLast);
        }

        long[] outDims() {
            return new long[] {dims[0], dims[1], outSize[0], outSize[1]};
        }

        memory.format_tag kernelLayout() {
            return nchw && !channelsLast ? memory.format_tag.nchw : memory.format_tag.nhwc;
        }
    }

    private final Geometry geometry;
    private final OneDnn.Owned owned = new OneDnn.Owned();
    private final stream stream;
    private final OneDnn.Port input;
    private final OneDnn.Port output;
    private final pooling_forward.primitive_desc trainingDescription;
    private final OneDnn.Step training;
    private final memory workspace;
    private OneDnn.Step inference;
    private OneDnn.Step backward;
    private OneDnn.Port outputGradient;
    private OneDnn.Port inputGradient;
    /** The input of the last training pass, whose maxima the workspace holds; null after any other pass. */
    private INDArray pooled;

    OneDnnPooling(Geometry geometry) {
        this.geometry = geometry;
        stream = owned.add(new stream(OneDnn.engine()));
        input = port(geometry.dims());
        output = port(geometry.outDims());
        trainingDescription = description(prop_kind.forward_training);
        workspace = geometry.max() ? owned.add(new memory(trainingDescription.workspace_desc(), OneDnn.engine())) : null;
        training = new OneDnn.Step(new pooling_forward(trainingDescription), trainingDescription,
                withWorkspace(DNNL_ARG_SRC, input.kernel, DNNL_ARG_DST, output.kernel), owned);
    }

    Geometry geometry() {
        return geometry;
    }

    private algorithm algorithm() {
        // Average pooling runs here only without padding, where both of oneDNN's averages agree with DL4J's.
        return geometry.max() ? algorithm.pooling_max : algorithm.pooling_avg_exclude_padding;
    }

    private long[] padBefore() {
        return new long[] {geometry.padding()[0], geometry.padding()[1]};
    }

    private long[] padAfter() {
        return new long[] {geometry.padding()[2], geometry.padding()[3]};
    }

    private pooling_forward.primitive_desc description(prop_kind kind) {
        pooling_forward.desc description = owned.add(new pooling_forward.desc(kind, algorithm(), input.kernelDesc,
                output.kernelDesc, longs(geometry.stride()), longs(geometry.kernel()), padBefore(), padAfter()));
        return owned.add(new pooling_forward.primitive_desc(description, owned.add(OneDnn.attributes()), OneDnn.engine()));
    }

    /** The pooled {@code in} into {@code out}; a training pass keeps the maxima's places. */
    void forward(INDArray in, INDArray out, boolean isTraining) {
        input.take(in);
        output.bindUser(out);
        if (isTraining) {
            training.run(stream);
            pooled = in;
        } else {
            if (inference == null) {
                pooling_forward.primitive_desc description = description(prop_kind.forward_inference);
                IntMemoryMap arguments = new IntMemoryMap();
                arguments.put(DNNL_ARG_SRC, input.kernel);
                arguments.put(DNNL_ARG_DST, output.kernel);
                inference = new OneDnn.Step(new pooling_forward(description), description, arguments, owned);
            }
            inference.run(stream);
            pooled = null;
        }
        output.give();
        Reference.reachabilityFence(in); // the arrays' memory, bound by address, is read until here
        Reference.reachabilityFence(out);
    }

    /** After a pass that did not come through here: the kept maxima belong to no input now. */
    void forget() {
        pooled = null;
    }

    /** Whether {@link #backward} can follow: the last pass was a training pass on this very input. */
    boolean hasTrainingPassOf(INDArray in) {
        return pooled != null && pooled == in;
    }

    /** The gradient of the input from the output's, after a training pass on the same input. */
    void backward(INDArray delta, INDArray inputGradientOut) {
        if (backward == null) {
            pooling_backward.desc description = owned.add(new pooling_backward.desc(algorithm(), input.kernelDesc,
                    output.kernelDesc, longs(geometry.stride()), longs(geometry.kernel()), padBefore(), padAfter()));
            pooling_backward.primitive_desc pd = owned.add(new pooling_backward.primitive_desc(description,
                    owned.add(OneDnn.attributes()), OneDnn.engine(), trainingDescription));
            outputGradient = port(geometry.outDims());
            inputGradient = port(geometry.dims());
            backward = new OneDnn.Step(new pooling_backward(pd), pd,
                    withWorkspace(DNNL_ARG_DIFF_DST, outputGradient.kernel, DNNL_ARG_DIFF_SRC, inputGradient.kernel), owned);
        }
        outputGradient.take(delta);
        inputGradient.bindUser(inputGradientOut);
        backward.run(stream);
        inputGradient.give();
        Reference.reachabilityFence(delta);
        Reference.reachabilityFence(inputGradientOut);
    }

    /** Frees the primitives, the workspace and the rest of what they hold; the instance is not used again. */
    @Override
    public void close() {
        pooled = null;
        owned.close();
    }

    /** A training pass's arguments: two memory objects, and the maxima's places where max pooling keeps them. */
    private IntMemoryMap withWorkspace(int firstArgument, memory first, int secondArgument, memory second) {
        IntMemoryMap arguments = new IntMemoryMap();
        arguments.put(firstArgument, first);
        arguments.put(secondArgument, second);
        if (workspace != null) {
            arguments.put(DNNL_ARG_WORKSPACE, workspace);
        }
        return arguments;
    }

    /** Activations or their gradients of these dimensions, in the kernels' layout. */
    private OneDnn.Port port(long[] dims) {
        return new OneDnn.Port(dims, geometry.kernelLayout(), geometry.nchw(), stream, owned);
    }

    private static long[] longs(int[] values) {
        return new long[] {values[0], values[1]};
    }

}
