package lrwb.engine.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's background threads: all daemons (an abandoned job or stream keeps no JVM alive), each with ND4J's
 * per-thread settings applied before its first task ({@link NativeSettings#applyToCurrentThread}), and one way
 * of waiting for their results.
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    /** A started daemon thread running {@code task} under the engine's native settings. */
    public static Thread start(String name, Runnable task) {
        Thread t = factory(name).newThread(task);
        t.start();
        return t;
    }

    /** Daemon threads named {@code name}, as many as the pool asks for. */
    public static ExecutorService pool(String name) {
        return Executors.newCachedThreadPool(factory(name));
    }

    private static ThreadFactory factory(String name) {
        return task -> {
            Thread t = new Thread(() -> {
                NativeSettings.applyToCurrentThread();
                task.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The task's result (a pool's task not yet started runs on the calling thread), waiting for it without giving up on an interrupt (the caller's buffers or parameters may
     * still be in the task's hands until it ends; the interrupt is kept for the caller to see). A task's
     * unchecked exception or error is rethrown as it was.
     */
    @SuppressWarnings("unchecked")
    public static <T> T await(Future<T> future) {
        if (future.getClass() == FutureTask.class) {
            // A task its pool has not started yet runs here instead (a no-op if it has): on a busy machine the pool's
            // thread may wait milliseconds for a core, while this thread, which would only wait, has one. Same result,
            // computed once either way.
            ((FutureTask<T>) future).run();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
