package lrwb.engine.model.files;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

import java.util.List;

/**
 * Makes a file's output layer the workbench's classifier head: a dense softmax layer trained on cross-entropy
 * (MCXENT) with one output per class of the data, keeping the file's weights wherever they fit.
 *
 * <p>DL4J's Keras import leaves a Keras {@code Dense} output a plain {@link DenseLayer} (it adds the loss only in
 * its training mode, which refuses much else), so such a layer becomes an {@link OutputLayer} with the same fields.
 */
final class ClassificationHead {
    private static final String WHAT_WE_TRAIN = "the workbench trains classifiers: a softmax output with categorical cross-entropy";

    private ClassificationHead() {
    }

    /**
     * Edits {@code conf}'s layer in place.
     *
     * @param savedLoss the loss of the file's training configuration; null if it has none
     * @param notes     gets a line for each change the user should hear of
     * @return true if the output layer was replaced by a fresh one (its parameters are new)
     * @throws IllegalArgumentException if the output is no classifier (e.g. a linear regression head with mse)
     */
    static boolean fit(NeuralNetConfiguration conf, SavedLoss savedLoss, int numClasses, List<String> notes) {
        Layer layer = conf.getLayer();
        OutputLayer output;
        if (layer.getClass() == OutputLayer.class) {
            output = (OutputLayer) layer;
            requireCrossEntropy(output);
        } else if (layer.getClass() == DenseLayer.class) {
            output = fromDense((DenseLayer) layer, savedLoss, notes);
        } else {
            throw new IllegalArgumentException("the model has no classification output: its last layer '" + layer.getLayerName()
                    + "' is a " + layer.getClass().getSimpleName() + ", not a dense softmax layer; " + WHAT_WE_TRAIN);
        }
        boolean replaced = output.getNOut() != numClasses;
        if (replaced) {
            notes.add("replaced the output layer: " + output.getNOut() + " -> " + numClasses + " classes");
            output = fresh(output, numClasses);
        }
        conf.setLayer(output);
        return replaced;
    }

    private static void requireCrossEntropy(OutputLayer output) {
        ILossFunction loss = output.getLossFn();
        boolean crossEntropy = loss instanceof LossMCXENT || loss instanceof LossNegativeLogLikelihood;
        if (!(output.getActivationFn() instanceof ActivationSoftmax) || !crossEntropy) {
            throw new IllegalArgumentException("the model has no classification output: its output layer '" + output.getLayerName()
                    + "' is " + activationName(output.getActivationFn()) + " with loss " + loss + "; " + WHAT_WE_TRAIN);
        }
    }

    private static OutputLayer fromDense(DenseLayer dense, SavedLoss savedLoss, List<String> notes) {
        boolean softmax = dense.getActivationFn() instanceof ActivationSoftmax;
        String name = "'" + dense.getLayerName() + "'";
        if (savedLoss == null) {
            if (!softmax) {
                throw new IllegalArgumentException("the model has no classification output: its last layer " + name + " is "
                        + activationName(dense.getActivationFn()) + " and the file saves no loss; " + WHAT_WE_TRAIN);
            }
            notes.add("the output layer " + name + " is trained on categorical cross-entropy (the file saves no loss)");
        } else if (!savedLoss.isCrossEntropy()) {
            throw new IllegalArgumentException("the model has no classification output: its loss is " + savedLoss.name()
                    + "; " + WHAT_WE_TRAIN);
        } else if (!softmax) {
            boolean logits = savedLoss.fromLogits() && dense.getActivationFn() instanceof ActivationIdentity;
            if (!logits) {
                throw new IllegalArgumentException("the model has no classification output: its last layer " + name + " is "
                        + activationName(dense.getActivationFn()) + ", not softmax; " + WHAT_WE_TRAIN);
            }
            // from_logits=True: Keras applies the softmax inside the loss; DL4J's MCXENT wants it in the layer.
            notes.add("the output layer " + name + " gets the softmax its loss applied (from_logits)");
        }
        OutputLayer output = new OutputLayer.Builder(new LossMCXENT()).hasBias(dense.hasBias()).build();
        LayerFields.copy(dense, output, FeedForwardLayer.class);
        output.setActivationFn(Activation.SOFTMAX.getActivationFunction());
        return output;
    }

    /** A new dense softmax layer of {@code numClasses} outputs on the same inputs, Xavier-initialised. */
    private static OutputLayer fresh(OutputLayer old, int numClasses) {
        OutputLayer output = new OutputLayer.Builder(new LossMCXENT()).hasBias(true).build();
        LayerFields.copy(old, output, FeedForwardLayer.class);
        output.setNOut(numClasses);
        output.setWeightInitFn(WeightInit.XAVIER.getWeightInitFunction());
        output.setActivationFn(Activation.SOFTMAX.getActivationFunction());
        output.setLossFn(new LossMCXENT());
        return output;
    }

    private static String activationName(IActivation activation) {
        return activation instanceof ActivationIdentity ? "linear" : activation.toString();
    }
}
