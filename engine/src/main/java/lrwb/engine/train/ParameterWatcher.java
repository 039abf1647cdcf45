package lrwb.engine.train;

import lrwb.engine.model.Network;

/**
 * Receives copies of a training job's parameters while it trains ({@link TrainingJob#watchParameters}), on the
 * job's thread: keep both calls quick (store and hand on; compute elsewhere).
 */
public interface ParameterWatcher {
    /**
     * Once, before the first snapshot: a network of the trained one's layers, for inference only, the watcher's
     * to keep, built when asked (DL4J's init: build it off the job's thread); snapshots are assigned into its
     * {@link Network#params()}.
     */
    void onNetwork(java.util.function.Supplier<Network> inferenceCopy);

    void onSnapshot(ParameterSnapshot snapshot);
}
