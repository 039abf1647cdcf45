package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Told, during every update of a network, the class probabilities its loss and gradient were computed from. */
@FunctionalInterface
public interface PredictionListener {
    /**
     * @param probabilities {@code [batch, classes]} softmax output of the update's forward pass, before the update;
     *                      valid only during this call (it lives in the update's workspace): copy what you keep
     */
    void onPredictions(INDArray probabilities);
}
