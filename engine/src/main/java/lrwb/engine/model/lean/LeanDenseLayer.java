package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J dense layer whose backward pass does only the arithmetic backpropagation needs (see {@link LeanDense}).
 * Same parameters, initialisation, updater and results as {@link DenseLayer}: only its runtime layer differs.
 * Configurations holding it are never written as JSON (the workbench saves parameters, not networks).
 */
final class LeanDenseLayer extends DenseLayer {
    private boolean inputGradientNeeded = true;
    /** See {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}: a configuration value, so clones keep it. */
    private long javaProductLimit;

    /** For Jackson and {@link #clone()}; use {@link #of}. */
    LeanDenseLayer() {
    }

    /**
     * @param inputGradientNeeded false for a network's first layer fed the raw features: nothing below it
     *                            reads the gradient of its input, so the backward pass skips that product
     * @param javaProductLimit    see {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}
     */
    static LeanDenseLayer of(int nOut, boolean inputGradientNeeded, long javaProductLimit) {
        LeanDenseLayer layer = new LeanDenseLayer();
        layer.javaProductLimit = javaProductLimit;
        layer.setNOut(nOut);
        LeanLayers.leaveToNetworkDefaults(layer);
        layer.inputGradientNeeded = inputGradientNeeded;
        return layer;
    }

    boolean inputGradientNeeded() {
        return inputGradientNeeded;
    }

    long javaProductLimit() {
        return javaProductLimit;
    }

    /** For a first layer that reads its input through a preprocessor, which reshapes the gradient it is handed. */
    void needInputGradient() {
        inputGradientNeeded = true;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LeanDenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LeanLayers.wire(new LeanDense(conf, networkDataType, inputGradientNeeded, javaProductLimit), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
