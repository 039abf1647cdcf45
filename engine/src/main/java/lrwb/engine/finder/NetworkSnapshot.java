package lrwb.engine.finder;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exact copy of what training changes in a network: parameters, updater state (momentum, Adam
 * moments, ...) and the iteration/epoch counters. Restoring it makes the network bit-for-bit what it was.
 */
public final class NetworkSnapshot {
    private final INDArray params;
    private final INDArray updaterState;
    private final int iterationCount;
    private final int epochCount;

    private NetworkSnapshot(INDArray params, INDArray updaterState, int iterationCount, int epochCount) {
        this.params = params;
        this.updaterState = updaterState;
        this.iterationCount = iterationCount;
        this.epochCount = epochCount;
    }

    public static NetworkSnapshot of(MultiLayerNetwork net) {
        INDArray state = net.getUpdater(true).getStateViewArray();
        return new NetworkSnapshot(net.params().dup(), state == null ? null : state.dup(),
                net.getIterationCount(), net.getEpochCount());
    }

    public void restoreInto(MultiLayerNetwork net) {
        net.params().assign(params);
        if (updaterState != null) {
            net.getUpdater(true).getStateViewArray().assign(updaterState);
        }
        net.setIterationCount(iterationCount);
        net.setEpochCount(epochCount);
    }
}
