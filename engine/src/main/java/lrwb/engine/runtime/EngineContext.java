package lrwb.engine.runtime;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * What the engine's jobs share, passed in rather than kept in statics: the background thread pools and the
 * {@link EngineTuning}. A program makes one (the app at start-up, the CLI per command, a test per test class or per
 * test) and hands it to every job, stream and start-up it creates; {@link #close} ends its pools. Two contexts share
 * nothing, so tests with different tuning can run side by side.
 *
 * <p>The pools' threads are daemons with ND4J's per-thread settings ({@link EngineThreads}), made as the work asks
 * for them and ended after a minute idle: an idle context holds no thread. Thread-safe.
 */
public final class EngineContext implements AutoCloseable {
    private final EngineTuning tuning;
    private final ExecutorService validation = EngineThreads.pool("lrwb-validation");
    private final ExecutorService batchCopies = EngineThreads.pool("lrwb-batches");
    private final ExecutorService jobs = EngineThreads.pool("lrwb-job");

    private EngineContext(EngineTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    /** A context with {@link EngineTuning#defaults()}. */
    public static EngineContext create() {
        return create(EngineTuning.defaults());
    }

    public static EngineContext create(EngineTuning tuning) {
        return new EngineContext(tuning);
    }

    public EngineTuning tuning() {
        return tuning;
    }

    /**
     * Where training jobs evaluate an epoch in the background while the next one trains. Shared by all jobs of this
     * context: starting a thread per job cost a millisecond, a tenth of a small job's epoch. Not to be shut down
     * by its users ({@link #close} does).
     */
    public ExecutorService validationPool() {
        return validation;
    }

    /** Where batch streams copy their next chunk while the current one is used. Not to be shut down by its users. */
    public ExecutorService batchCopyPool() {
        return batchCopies;
    }

    /**
     * Runs a job (training, a range test) on a thread of its own, named {@code name} while it runs. The thread is
     * one an earlier job of this context left idle within the last minute when there is one (sweeps' cells, a queue
     * of runs, the benchmark): ND4J keeps its workspaces per thread, and a new thread builds them again — a {@code cnn}
     * job's first three updates took 35–65 ms on a new thread against 14–24 ms on a kept one. An idle thread keeps the
     * last job's workspaces for that minute. The job sees the caller's context class loader, as on a thread of its
     * own. After a closed context, a new thread as before.
     */
    public void startJob(String name, Runnable task) {
        ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
        Runnable named = () -> {
            Thread thread = Thread.currentThread();
            String idleName = thread.getName();
            ClassLoader idleLoader = thread.getContextClassLoader();
            thread.setName(name);
            thread.setContextClassLoader(callerLoader);
            try {
                task.run();
            } finally {
                thread.setName(idleName);
                thread.setContextClassLoader(idleLoader);
            }
        };
        try {
            jobs.execute(named);
        } catch (RejectedExecutionException closed) {
            EngineThreads.start(name, task);
        }
    }

    /** Whether {@link #close} was called: new work is refused from then on. */
    public boolean isClosed() {
        return validation.isShutdown();
    }

    /**
     * Refuses new work from now on; work already under way finishes on its (daemon) threads. Call when the program
     * or test that made the context is done with it. Idempotent.
     */
    @Override
    public void close() {
        validation.shutdown();
        batchCopies.shutdown();
        jobs.shutdown();
    }
}
