package lrwb.engine.finder;

import lrwb.engine.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exact copy of what training changes in a network: parameters, updater state (momentum, Adam
 * moments, ...) and the iteration/epoch counters. Restoring it makes the network bit-for-bit what it was; batch
 * normalisation's running statistics are parameters in DL4J, so they come back too.
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

    public static NetworkSnapshot of(Network net) {
        INDArray state = net.updaterState();
        return new NetworkSnapshot(net.params().dup(), state == null ? null : state.dup(),
                net.iterationCount(), net.epochCount());
    }

    public void restoreInto(Network net) {
        net.params().assign(params);
        if (updaterState != null) {
            net.updaterState().assign(updaterState);
        }
        net.setIterationCount(iterationCount);
        net.setEpochCount(epochCount);
    }
}
