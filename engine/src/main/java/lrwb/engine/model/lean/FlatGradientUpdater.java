package lrwb.engine.model.lean;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * DL4J's {@link MultiLayerUpdater}, handed the network's own flattened-gradient array. In 1.0.0-M2.1 the gradient
 * a network passes to its updater is a fresh reshape of that array on every update, so the updater never
 * recognises it and takes its path for foreign gradients, which slices the gradient and the parameters of every
 * variable anew each time: dozens of array views per update, each a native allocation, for the same memory.
 * Given the array it knows, it uses the views it made once. Same memory, same operations, same results.
 */
final class FlatGradientUpdater extends MultiLayerUpdater {
    FlatGradientUpdater(MultiLayerNetwork network) {
        super(network);
    }

    /** Whether {@link #update} divides the gradient by the batch's rows (the configuration's minibatch flag). */
    boolean dividesByMinibatch() {
        return isMiniBatch();
    }

    /** Puts a new updater of this kind into {@code network}, keeping the state of the one it had. */
    static void install(MultiLayerNetwork network) {
        INDArray state = network.getUpdater(true).getStateViewArray();
        FlatGradientUpdater updater = new FlatGradientUpdater(network);
        if (state != null) {
            updater.getStateViewArray().assign(state);
        }
        network.setUpdater(updater);
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray own = getFlattenedGradientsView();
        INDArray given = gradient.gradient();
        boolean sameArray = given != own && given.data().address() == own.data().address()
                && given.offset() == own.offset() && given.length() == own.length()
                && given.dataType() == own.dataType();
        // DL4J makes its blocks' optimizers when it first needs them: DL4J's Nesterov replaced by ours from then on
        JavaNesterovsUpdater.installInto(getUpdaterBlocks());
        super.update(sameArray ? new OnOwnArray(gradient, own) : gradient, iteration, epoch, batchSize, workspaceMgr);
    }

    /**
     * {@code variables} (each variable's gradient view) as the gradient of the network whose flattened gradient array
     * is {@code flat}, the updater's own: what the network's backward pass hands its updater, minus the reshape.
     */
    static Gradient onOwnArray(Gradient variables, INDArray flat) {
        return new OnOwnArray(variables, flat);
    }

    /** The network's gradient, answering {@link #gradient()} with the updater's own array object. */
    private record OnOwnArray(Gradient delegate, INDArray flat) implements Gradient {
        @Override
        public INDArray gradient() {
            return flat;
        }

        @Override
        public Map<String, INDArray> gradientForVariable() {
            return delegate.gradientForVariable();
        }

        @Override
        public INDArray gradient(List<String> order) {
            return delegate.gradient(order);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public INDArray getGradientFor(String variable) {
            return delegate.getGradientFor(variable);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient) {
            return delegate.setGradientFor(variable, gradient);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient, Character flatteningOrder) {
            return delegate.setGradientFor(variable, gradient, flatteningOrder);
        }

        @Override
        public Character flatteningOrderForVariable(String variable) {
            return delegate.flatteningOrderForVariable(variable);
        }
    }
}
