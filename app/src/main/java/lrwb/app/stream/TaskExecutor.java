package lrwb.app.stream;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one way the app runs engine and disk work in the background (DESIGN.md: one injected executor, no disk
 * I/O and no waiting on the FX thread). ViewModels get it through their constructor: the app passes an
 * {@link FxTaskExecutor}; tests pass one that runs the work at once on the calling thread, so they need no waits.
 * Streams of values (a range test's points, a job's metrics) reach the FX thread through a {@link FrameQueue}.
 */
public interface TaskExecutor {
    /**
     * FX thread: runs one-off {@code work} (reading a run folder, writing an export) in the background.
     *
     * @return a future completed once on the FX thread with the work's result, or failed with what it threw;
     *         never wait on it from the FX thread
     */
    <T> CompletableFuture<T> supply(Callable<T> work);

    /**
     * Any thread: runs long {@code work} in the background (preparing and running a range test) that reports
     * by itself, through a {@link FrameQueue}; what it throws is not delivered anywhere.
     */
    void execute(Runnable work);

    /** The exception a background step failed with, without the CompletionException around it. */
    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
