package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LossLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime side of {@link LeanLossLayer}: DL4J's loss layer, which also tells its listener the update's class
 * probabilities (the softmax of the input its loss and gradient were computed from). Without it a training job counts
 * the epoch's training accuracy with a pass of its own over the whole training split: for {@code cifar-cnn} a third
 * of an epoch's arithmetic again.
 */
final class LeanSoftmaxLoss extends LossLayer {
    private ProbabilityListener listener;

    LeanSoftmaxLoss(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    void setPredictionListener(ProbabilityListener listener) {
        this.listener = listener;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (listener != null && input != null && input.rank() == 2 && maskArray == null) {
            INDArray probabilities = layerConf().getActivationFn().getActivation(input.castTo(DataType.FLOAT).dup(), true);
            listener.onProbabilities(HostCopy.rowMajor(probabilities), (int) probabilities.rows(),
                    (int) probabilities.columns());
        }
        return super.backpropGradient(epsilon, workspaceMgr);
    }
}
