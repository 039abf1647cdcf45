package lrwb.engine.train;

import lrwb.engine.model.Network;
import lrwb.engine.runtime.HostCopy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A training job's parameter copies for its watchers: at most one every {@link #INTERVAL_NANOS} (a view that
 * redraws a few times a second needs no more), plus the last epoch's end, so the final state is always handed
 * out. With nobody watching an update costs one look at an empty list; a copy of a network on 2-D data (a few
 * thousand floats) costs microseconds. Watchers come and go from any thread; the job's thread does the rest.
 */
final class ParameterTap {
    /** 5 snapshots a second at most. */
    static final long INTERVAL_NANOS = 200_000_000L;

    /** A watcher and whether it has its network copy yet (job thread). */
    private static final class Watch {
        final ParameterWatcher watcher;
        boolean introduced;

        Watch(ParameterWatcher watcher) {
            this.watcher = watcher;
        }
    }

    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    /** When the last snapshot was taken; job thread. */
    private long lastNanos;
    private boolean any;

    /** Any thread: {@code watcher} gets snapshots from the next due one on; the returned action stops them. */
    AutoCloseable add(ParameterWatcher watcher) {
        Watch watch = new Watch(watcher);
        watches.add(watch);
        return () -> watches.remove(watch);
    }

    /** Job thread, after an update (or before the first, {@code iteration} 0): a snapshot when one is due. */
    void afterUpdate(Network net, long iteration, int epoch) {
        if (watches.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (any && now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        handOut(net, new ParameterSnapshot(iteration, epoch, false, HostCopy.values(net.params())), now);
    }

    /** Job thread, after an epoch's last update: a snapshot when one is due, and always after the last epoch. */
    void afterEpoch(Network net, long iteration, int epoch, boolean last) {
        if (watches.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (!last && any && now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        handOut(net, new ParameterSnapshot(iteration, epoch, true, HostCopy.values(net.params())), now);
    }

    private void handOut(Network net, ParameterSnapshot snapshot, long now) {
        any = true;
        lastNanos = now;
        for (Watch w : watches) {
            if (!w.introduced) {
                w.introduced = true;
                w.watcher.onNetwork(net.inferenceCopyLater());
            }
            w.watcher.onSnapshot(snapshot); // one copy for all: receivers only read it
        }
    }
}
