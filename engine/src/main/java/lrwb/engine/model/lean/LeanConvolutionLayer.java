package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J 2D convolution layer that trains through ND4J's native {@code conv2d} / {@code conv2d_bp} operations (see
 * {@link LeanConvolution}). Same parameters, layout, initialisation and updater as {@link ConvolutionLayer}: only its
 * runtime layer differs. Made from a stock layer by {@link LeanLayers#convolution}; configurations holding it are
 * written to files as the stock layer ({@link LeanLayers#stockConfiguration}).
 */
final class LeanConvolutionLayer extends ConvolutionLayer {
    private boolean inputGradientNeeded = true;

    /** The next layer reads channels-last activations ({@link LeanLayers#linkNeighbours}); not written to files. */
    private boolean channelsLastOutput;

    /** For Jackson and {@link #clone()}; use {@link LeanLayers#convolution}. */
    LeanConvolutionLayer() {
    }

    /**
     * @param inputGradientNeeded false for a network's first layer fed the raw features: nothing below it
     *                            reads the gradient of its input, so the backward pass skips it
     */
    LeanConvolutionLayer(boolean inputGradientNeeded) {
        this.inputGradientNeeded = inputGradientNeeded;
    }

    void handOverChannelsLast() {
        channelsLastOutput = true;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LeanConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LeanLayers.wire(new LeanConvolution(conf, networkDataType, inputGradientNeeded, channelsLastOutput), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
