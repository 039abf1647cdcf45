package lrwb.engine.model;

/** Told, during every update of a network, the class probabilities its loss and gradient were computed from. */
@FunctionalInterface
public interface PredictionListener {
    /**
     * @param probabilities row-major {@code [rows, classes]} softmax output of the update's forward pass, before the
     *                      update; the listener's to keep
     */
    void onPredictions(float[] probabilities, int rows, int classes);
}
