package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.Collection;

/**
 * A DL4J softmax + cross-entropy output layer that computes the update's loss in its backward pass instead of
 * running the layer forward a second time for it (see {@link LeanSoftmaxOutput}). Same parameters, initialisation,
 * updater and results as {@link OutputLayer}; configurations holding it are never written as JSON.
 */
final class LeanOutputLayer extends OutputLayer {
    /** See {@link lrwb.engine.runtime.EngineTuning#javaErrorLimit}: a configuration value, so clones keep it. */
    private long javaErrorLimit;
    /** See {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}. */
    private long javaProductLimit;

    /** For Jackson and {@link #clone()}; use {@link #of}. */
    LeanOutputLayer() {
    }

    /**
     * As {@code new OutputLayer.Builder(MCXENT).nOut(nOut).activation(SOFTMAX).weightInit(weightInit).build()}.
     *
     * @param javaErrorLimit   see {@link lrwb.engine.runtime.EngineTuning#javaErrorLimit}
     * @param javaProductLimit see {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}
     */
    static LeanOutputLayer of(int nOut, WeightInit weightInit, long javaErrorLimit, long javaProductLimit) {
        LeanOutputLayer layer = new LeanOutputLayer();
        layer.javaErrorLimit = javaErrorLimit;
        layer.javaProductLimit = javaProductLimit;
        layer.setNOut(nOut);
        layer.setLossFn(new LossMCXENT());
        layer.setActivationFn(Activation.SOFTMAX.getActivationFunction());
        layer.setWeightInitFn(weightInit.getWeightInitFunction());
        LeanLayers.leaveToNetworkDefaults(layer);
        return layer;
    }

    long javaErrorLimit() {
        return javaErrorLimit;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LeanOutputLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LeanLayers.wire(new LeanSoftmaxOutput(conf, networkDataType, javaErrorLimit, javaProductLimit), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
