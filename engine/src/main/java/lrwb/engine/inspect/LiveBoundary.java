package lrwb.engine.inspect;

import lrwb.engine.model.Network;
import lrwb.engine.run.RunHandle;
import lrwb.engine.runtime.EngineThreads;
import lrwb.engine.runtime.HostCopy;
import lrwb.engine.train.ParameterSnapshot;
import lrwb.engine.train.ParameterWatcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The decision boundary of a 2-D run while it trains: the job hands out parameter copies a few times a second
 * ({@link RunHandle#watchParameters}); this computes each one's boundary on a thread of its own, never the job's, from
 * a network copy of its own. When copies come faster than boundaries are computed, the newest waiting one wins:
 * the view shows where the network is, not where it was. The first copy, the untrained start, is never passed over:
 * a short run can take all its updates before the boundary's thread has started, and where training began is half
 * of what the view is for. Close it to stop the copies and the thread.
 */
public final class LiveBoundary implements AutoCloseable {
    /** Cells per side of a live boundary: 6,400 points, about a millisecond through a small MLP. */
    public static final int LIVE_SIZE = 80;

    /** One computed boundary and when in the run it was taken ({@link ParameterSnapshot}'s counts). */
    public record Frame(long iteration, int epoch, boolean epochEnd, DecisionBoundary boundary) {
    }

    private final PlaneExtent extent;
    private final int size;
    private final Consumer<Frame> sink;
    private final ExecutorService thread = EngineThreads.pool("lrwb-live-boundary");
    private final AtomicReference<ParameterSnapshot> waiting = new AtomicReference<>();
    /** The run's first snapshot until its boundary is computed: it goes before {@link #waiting}. */
    private final AtomicReference<ParameterSnapshot> start = new AtomicReference<>();
    private final AtomicBoolean startSeen = new AtomicBoolean();
    private final AtomicBoolean computing = new AtomicBoolean();
    private volatile java.util.function.Supplier<Network> template;
    /** The boundary thread's network copy, built from {@link #template} there. */
    private Network copy;
    private volatile boolean closed;
    private AutoCloseable watch;

    private LiveBoundary(PlaneExtent extent, int size, Consumer<Frame> sink) {
        this.extent = extent;
        this.size = size;
        this.sink = sink;
    }

    /**
     * Starts watching a training run.
     *
     * @param sink called on the boundary's thread with each frame, in order; keep it quick or hand it on
     * @throws IllegalStateException for a range test
     */
    public static LiveBoundary watch(RunHandle run, PlaneExtent extent, int size, Consumer<Frame> sink) {
        LiveBoundary live = new LiveBoundary(extent, size, sink);
        live.watch = run.watchParameters(live.watcher());
        return live;
    }

    /** The watcher a job feeds (its thread): stores and hands on, computes nothing. */
    ParameterWatcher watcher() {
        return new ParameterWatcher() {
            @Override
            public void onNetwork(java.util.function.Supplier<Network> inferenceCopy) {
                template = inferenceCopy;
            }

            @Override
            public void onSnapshot(ParameterSnapshot snapshot) {
                (startSeen.compareAndSet(false, true) ? start : waiting).set(snapshot);
                if (!closed && computing.compareAndSet(false, true)) {
                    try {
                        thread.execute(LiveBoundary.this::computeWaiting);
                    } catch (RejectedExecutionException e) {
                        computing.set(false); // closed meanwhile
                    }
                }
            }
        };
    }

    /** The boundary thread: computes the start, then the newest snapshot, until none waits. */
    private void computeWaiting() {
        while (true) {
            ParameterSnapshot first = start.getAndSet(null);
            ParameterSnapshot next = first != null ? first : waiting.getAndSet(null);
            if (next == null || closed) {
                computing.set(false);
                // a snapshot that came after the last look but before the flag fell would wait for the next one
                if (!closed && (start.get() != null || waiting.get() != null) && computing.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            try {
                if (copy == null) {
                    copy = template.get(); // DL4J's init: here, not on the job's thread
                }
                Network net = copy;
                HostCopy.write(next.params(), net.params());
                sink.accept(new Frame(next.iteration(), next.epoch(), next.epochEnd(), DecisionBoundary.of(net, extent, size)));
            } catch (RuntimeException e) {
                computing.set(false); // the next snapshot tries again
                throw e;
            }
        }
    }

    /** Stops the copies and the thread; a boundary being computed is finished and handed on. */
    @Override
    public void close() {
        closed = true;
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (Exception e) {
            // removing a watcher from a list cannot fail
        }
        thread.shutdown();
    }
}
