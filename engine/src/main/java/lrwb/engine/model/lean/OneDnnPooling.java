package lrwb.engine.model.lean;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.algorithm;
import static org.bytedeco.dnnl.global.dnnl.prop_kind;

/**
 * One 2D pooling's oneDNN primitives for one input shape, run on DL4J's arrays in their own layout (oneDNN pools NCHW
 * and NHWC alike without reordering). The training forward pass keeps where each window's maximum was (oneDNN's
 * workspace), so the backward pass routes the gradient without searching again: ND4J's {@code maxpool2d_bp} runs the
 * forward pooling a second time for that. Not thread-safe: a layer's own instance.
 */
final class OneDnnPooling {
    /**
     * @param dims    the input's {@code [batch, channels, height, width]}
     * @param outSize the output's height and width
     * @param padding top, left, bottom, right
     */
    record Geometry(long[] dims, long[] outSize, int[] kernel, int[] stride, int[] padding, boolean nchw, boolean max) {
        boolean sameAs(Geometry o) {
            return Arrays.equals(dims, o.dims) && Arrays.equals(outSize, o.outSize) && Arrays.equals(kernel, o.kernel)
                    && Arrays.equals(stride, o.stride) && Arrays.equals(padding, o.padding) && nchw == o.nchw
                    && max == o.max;
        }
    }

    private final Geometry geometry;
    private final stream stream = new stream(OneDnn.engine());
    private final OneDnn.Bound input;
    private final OneDnn.Bound output;
    private final pooling_forward.primitive_desc trainingDescription;
    private final pooling_forward training;
    private final memory workspace;
    private final IntMemoryMap trainingArguments = new IntMemoryMap();
    private pooling_forward inference;
    private IntMemoryMap inferenceArguments;
    private pooling_backward backward;
    private OneDnn.Bound outputGradient;
    private OneDnn.Bound inputGradient;
    private IntMemoryMap backwardArguments;
    /** The input of the last training pass, whose maxima the workspace holds; null after any other pass. */
    private INDArray pooled;

    OneDnnPooling(Geometry geometry) {
        this.geometry = geometry;
        long[] d = geometry.dims();
        memory.format_tag layout = geometry.nchw() ? memory.format_tag.nchw : memory.format_tag.nhwc;
        input = new OneDnn.Bound(OneDnn.floats(d, layout));
        output = new OneDnn.Bound(OneDnn.floats(new long[] {d[0], d[1], geometry.outSize()[0], geometry.outSize()[1]}, layout));
        trainingDescription = new pooling_forward.primitive_desc(description(prop_kind.forward_training), OneDnn.engine());
        training = new pooling_forward(trainingDescription);
        workspace = geometry.max() ? new memory(trainingDescription.workspace_desc(), OneDnn.engine()) : null;
        trainingArguments.put(DNNL_ARG_SRC, input.memory);
        trainingArguments.put(DNNL_ARG_DST, output.memory);
        if (workspace != null) {
            trainingArguments.put(DNNL_ARG_WORKSPACE, workspace);
        }
    }

    Geometry geometry() {
        return geometry;
    }

    private algorithm algorithm() {
        // Average pooling runs here only without padding, where both of oneDNN's averages agree with DL4J's.
        return geometry.max() ? algorithm.pooling_max : algorithm.pooling_avg_exclude_padding;
    }

    private pooling_forward.desc description(prop_kind kind) {
        int[] p = geometry.padding();
        return new pooling_forward.desc(kind, algorithm(), input.memory.get_desc(), output.memory.get_desc(),
                longs(geometry.stride()), longs(geometry.kernel()), new long[] {p[0], p[1]}, new long[] {p[2], p[3]});
    }

    /** The pooled {@code in} into {@code out} (DL4J's layout, c-ordered); a training pass keeps the maxima's places. */
    void forward(INDArray in, INDArray out, boolean isTraining) {
        input.bind(in);
        output.bind(out);
        if (isTraining) {
            training.execute(stream, trainingArguments);
            pooled = in;
        } else {
            if (inference == null) {
                inference = new pooling_forward(new pooling_forward.primitive_desc(description(prop_kind.forward_inference),
                        OneDnn.engine()));
                inferenceArguments = new IntMemoryMap();
                inferenceArguments.put(DNNL_ARG_SRC, input.memory);
                inferenceArguments.put(DNNL_ARG_DST, output.memory);
            }
            inference.execute(stream, inferenceArguments);
            pooled = null;
        }
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
            int[] p = geometry.padding();
            pooling_backward.desc description = new pooling_backward.desc(algorithm(), input.memory.get_desc(),
                    output.memory.get_desc(), longs(geometry.stride()), longs(geometry.kernel()),
                    new long[] {p[0], p[1]}, new long[] {p[2], p[3]});
            backward = new pooling_backward(new pooling_backward.primitive_desc(description, OneDnn.engine(),
                    trainingDescription));
            outputGradient = new OneDnn.Bound(output.memory.get_desc());
            inputGradient = new OneDnn.Bound(input.memory.get_desc());
            backwardArguments = new IntMemoryMap();
            backwardArguments.put(DNNL_ARG_DIFF_DST, outputGradient.memory);
            backwardArguments.put(DNNL_ARG_DIFF_SRC, inputGradient.memory);
            if (workspace != null) {
                backwardArguments.put(DNNL_ARG_WORKSPACE, workspace);
            }
        }
        outputGradient.bind(delta);
        inputGradient.bind(inputGradientOut);
        backward.execute(stream, backwardArguments);
    }

    private static long[] longs(int[] values) {
        return new long[] {values[0], values[1]};
    }

}
