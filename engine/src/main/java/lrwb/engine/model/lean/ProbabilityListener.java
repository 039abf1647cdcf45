package lrwb.engine.model.lean;

/**
 * Told, during every update of a network with a lean softmax output, the class probabilities its loss and gradient
 * were computed from. The lean layers' own type, so this package depends on nothing of the model package above it;
 * {@code lrwb.engine.model.PredictionListener} is the API's.
 */
@FunctionalInterface
public interface ProbabilityListener {
    /**
     * @param probabilities row-major {@code [rows, classes]} softmax output of the update's forward pass, before the
     *                      update; the listener's to keep
     */
    void onProbabilities(float[] probabilities, int rows, int classes);
}
