package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J 2D pooling layer that pools through oneDNN's primitives where they apply (see {@link LeanSubsampling}). Same
 * configuration and results as {@link SubsamplingLayer}: only its runtime layer differs. Made from a stock layer by
 * {@link LeanLayers#subsampling}; written to files as the stock layer ({@link LeanLayers#stockConfiguration}).
 */
final class LeanSubsamplingLayer extends SubsamplingLayer {
    /** The next layer reads channels-last activations ({@link LeanLayers#linkNeighbours}); not written to files. */
    private boolean channelsLastOutput;

    /** For Jackson and {@link #clone()}; use {@link LeanLayers#subsampling}. */
    LeanSubsamplingLayer() {
    }

    void handOverChannelsLast() {
        channelsLastOutput = true;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LeanLayers.wire(new LeanSubsampling(conf, networkDataType, channelsLastOutput), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
