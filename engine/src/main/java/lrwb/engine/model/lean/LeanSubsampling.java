package lrwb.engine.model.lean;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime side of {@link LeanSubsamplingLayer}: max pooling, and average pooling without padding, through
 * oneDNN's pooling primitives ({@link OneDnnPooling}) on DL4J's own arrays. DL4J's layer calls ND4J's
 * {@code maxpool2d} forward and {@code maxpool2d_bp} backward, which searches every window for its maximum again; here
 * the training pass keeps where the maxima were and the backward pass only routes the gradient there. The same values
 * as DL4J's layer: a maximum is selected, not computed (tested bit for bit); averages within float rounding.
 *
 * <p>Everything else (p-norm pooling, padded averages, dilation, causal mode, masks, no oneDNN) and a backward pass
 * not preceded by a training pass on the same input take DL4J's own path.
 */
final class LeanSubsampling extends SubsamplingLayer {
    /** oneDNN's primitives for the last few input shapes (a pass's last batch is smaller, validation chunks differ). */
    private final OneDnn.Shapes<OneDnnPooling> shapes = new OneDnn.Shapes<>();
    /** The next layer is one of ours that reads channels-last activations ({@link OneDnn#isChannelsLast}). */
    private final boolean channelsLastOutput;

    LeanSubsampling(NeuralNetConfiguration conf, DataType dataType, boolean channelsLastOutput) {
        super(conf, dataType);
        this.channelsLastOutput = channelsLastOutput;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray in = input == null ? null : input.castTo(dataType);
        OneDnnPooling pooling = in == null ? null : pooling(in);
        if (pooling == null) {
            forget();
            if (input != null && !OneDnn.isDenseC(input)) { // channels-last from a layer of ours: DL4J's layout
                input = workspaceMgr.dup(ArrayType.ACTIVATIONS, input, 'c');
            }
            return super.activate(training, workspaceMgr);
        }
        long[] d = pooling.geometry().dims();
        long[] out = pooling.geometry().outSize();
        boolean nchw = pooling.geometry().nchw();
        INDArray output = nchw && channelsLastOutput
                ? OneDnn.channelsLast(workspaceMgr, ArrayType.ACTIVATIONS, dataType, pooling.geometry().outDims())
                : workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                nchw ? pooling.geometry().outDims() : new long[] {d[0], out[0], out[1], d[1]}, 'c');
        pooling.forward(in, output, training);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray in = input.castTo(dataType);
        INDArray delta = epsilon.castTo(dataType);
        OneDnnPooling last = shapes.last();
        if (last != null && last.hasTrainingPassOf(in)
                && (OneDnn.isDenseC(delta) || last.geometry().nchw() && OneDnn.isChannelsLast(delta))) {
            // in the layout the input came in: a channels-last input came from a layer of ours that reads it so
            INDArray inputGradient = last.geometry().channelsLast()
                    ? OneDnn.channelsLast(workspaceMgr, ArrayType.ACTIVATION_GRAD, dataType, in.shape())
                    : workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, in.shape(), 'c');
            last.backward(delta, inputGradient);
            return new Pair<>(new DefaultGradient(), inputGradient);
        }
        // DL4J's path reads DL4J's layout: channels-last arrays (from a layer of ours) copied for this pass
        INDArray original = input;
        try {
            input = OneDnn.isDenseC(input) ? input : workspaceMgr.dup(ArrayType.BP_WORKING_MEM, input, 'c');
            return super.backpropGradient(OneDnn.isDenseC(epsilon) ? epsilon
                    : workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, 'c'), workspaceMgr);
        } finally {
            input = original; // the copy's workspace ends with this pass
        }
    }

    /** The primitives for this input, or null where oneDNN does not pool as DL4J does (see the class comment). */
    private OneDnnPooling pooling(INDArray in) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf = layerConf();
        PoolingType type = conf.getPoolingType();
        int[] dilation = conf.getDilation();
        boolean nchw = conf.getCnn2dDataFormat() == CNN2DFormat.NCHW;
        if (!OneDnn.available() || maskArray != null || in.rank() != 4 || in.dataType() != DataType.FLOAT
                || !(OneDnn.isDenseC(in) || nchw && OneDnn.isChannelsLast(in)) || dilation[0] != 1 || dilation[1] != 1
                || (type != PoolingType.MAX
                && type != PoolingType.AVG) || convolutionMode == ConvolutionMode.Causal) {
            return null;
        }
        int h = nchw ? 2 : 1;
        int w = nchw ? 3 : 2;
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        boolean same = convolutionMode == ConvolutionMode.Same;
        // DL4J's own output size and validation (an input too small, or strict mode's sizes that do not divide)
        int[] outSize = ConvolutionUtils.getOutputSize(in, kernel, stride, same ? null : conf.getPadding(), convolutionMode,
                dilation, conf.getCnn2dDataFormat());
        int[] padding = OneDnn.padding(convolutionMode, outSize, new int[] {(int) in.size(h), (int) in.size(w)}, kernel,
                stride, dilation, conf.getPadding());
        boolean max = type == PoolingType.MAX;
        if (!max && (padding[0] | padding[1] | padding[2] | padding[3]) != 0) {
            return null; // DL4J's divisor for padded windows: its own path
        }
        OneDnnPooling.Geometry g = new OneDnnPooling.Geometry(
                new long[] {in.size(0), in.size(nchw ? 1 : 3), in.size(h), in.size(w)},
                new long[] {outSize[0], outSize[1]}, kernel.clone(), stride.clone(), padding, nchw, max,
                nchw && !OneDnn.isDenseC(in));
        // Only the pass just made keeps its maxima: another shape's set may hold an older pass's.
        forget();
        return shapes.get(g.key(), () -> new OneDnnPooling(g));
    }

    /** Whether the last pass pooled through oneDNN (tests). */
    boolean ranOnOneDnn() {
        return shapes.last() != null;
    }

    private void forget() {
        OneDnnPooling last = shapes.last();
        if (last != null) {
            last.forget();
        }
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }
}
