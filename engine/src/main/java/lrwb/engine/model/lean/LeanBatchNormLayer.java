package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J batch normalisation layer that trains through ND4J's native {@code batchnorm} / {@code batchnorm_bp}
 * operations on images (see {@link LeanBatchNorm}). Same parameters, running statistics and results (within float
 * rounding) as {@link BatchNormalization}: only its runtime layer differs. Made from a stock layer by
 * {@link LeanLayers#batchNorm}; written to files as the stock layer ({@link LeanLayers#stockConfiguration}).
 */
final class LeanBatchNormLayer extends BatchNormalization {
    /** For Jackson and {@link #clone()}; use {@link LeanLayers#batchNorm}. */
    LeanBatchNormLayer() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("LeanBatchNormLayer", getLayerName(), layerIndex, getNOut());
        return LeanLayers.wire(new LeanBatchNorm(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
