package lrwb.engine.model.files;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Puts a file's updater state (Adam's moments, momentum's velocity, ...) into a rebuilt network's new updater. */
final class UpdaterState {
    private UpdaterState() {
    }

    /** @return false, and nothing changes, if the state has another length than the network's updater needs */
    static boolean restore(Model network, INDArray state) {
        INDArray target = network instanceof MultiLayerNetwork mln
                ? mln.getUpdater(true).getStateViewArray()
                : ((ComputationGraph) network).getUpdater(true).getStateViewArray();
        if (target == null || target.length() != state.length()) {
            return false;
        }
        target.assign(state.reshape(target.shape()));
        return true;
    }
}
