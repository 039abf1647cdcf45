package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J loss layer of softmax with cross-entropy (a network whose last layer already has the classes' outputs, as
 * {@code cifar-cnn}'s 1×1×10 map) whose runtime layer ({@link LeanSoftmaxLoss}) tells a {@link ProbabilityListener}
 * each update's probabilities, as {@link LeanSoftmaxOutput} does. Same configuration and results as {@link LossLayer};
 * written to files as the stock layer ({@link LeanLayers#stockConfiguration}).
 */
final class LeanLossLayer extends LossLayer {
    /** For Jackson and {@link #clone()}; use {@link LeanLayers#softmaxLoss}. */
    LeanLossLayer() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LeanLayers.wire(new LeanSoftmaxLoss(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer().init(conf, layerParamsView, initializeParams));
    }
}
