package lrwb.app.stream;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * For tests: runs the work at once on the calling thread, so a ViewModel's future is complete when the call
 * returns and a test asserts right after it, without waiting (JabRef's CurrentThreadTaskExecutor).
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void execute(Runnable work) {
        work.run();
    }
}
