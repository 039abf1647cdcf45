package lrwb.engine.model.files;

import java.util.Locale;

/**
 * The loss a Keras file's training configuration names for the output.
 *
 * @param name       as the file spells it: {@code categorical_crossentropy}, {@code CategoricalCrossentropy}, {@code mse}
 * @param fromLogits tf.keras's {@code from_logits=True}: the output layer is linear and the loss applies the softmax
 */
record SavedLoss(String name, boolean fromLogits) {
    /** Categorical cross-entropy, sparse or not: with our one-hot labels both are DL4J's MCXENT over a softmax. */
    boolean isCrossEntropy() {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "");
        return n.equals("categoricalcrossentropy") || n.equals("sparsecategoricalcrossentropy");
    }
}
