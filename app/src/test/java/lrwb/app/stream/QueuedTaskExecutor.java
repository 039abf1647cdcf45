package lrwb.app.stream;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * For tests of what happens while work is in flight: holds every task until the test calls {@link #runAll()},
 * which runs them on the calling thread, in order, and completes their futures there.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Queue<Runnable> waiting = new ArrayDeque<>();

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        waiting.add(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    @Override
    public void execute(Runnable work) {
        waiting.add(work);
    }

    /** How many tasks wait. */
    public int waiting() {
        return waiting.size();
    }

    /** Runs the waiting tasks, and those they add, until none is left. */
    public void runAll() {
        for (Runnable r; (r = waiting.poll()) != null; ) {
            r.run();
        }
    }
}
