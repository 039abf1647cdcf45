package lrwb.app.stream;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's {@link TaskExecutor}: one small pool of daemon threads (they never hold the JVM up after the window
 * closed) and one {@code Platform.runLater} per task to hand its result to the FX thread — never one per item.
 */
public final class FxTaskExecutor implements TaskExecutor {
    /**
     * Enough for a range test, a run folder being read and an export at the same time; more would only compete
     * with training for the cores of a laptop.
     */
    static final int THREADS = 4;
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor pool;

    public FxTaskExecutor() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "lrwb-background-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
        pool.allowCoreThreadTimeOut(true); // an idle app keeps no threads
    }

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> onFx = new CompletableFuture<>();
        pool.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable e) {
                Platform.runLater(() -> onFx.completeExceptionally(e));
                return;
            }
            Platform.runLater(() -> onFx.complete(value));
        });
        return onFx;
    }

    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    /**
     * {@code stage}'s outcome handed to the FX thread: a future that completes there, as {@code stage} did, so its
     * dependent stages run on the FX thread (for a result the engine completes on a thread of its own).
     */
    public static <T> CompletableFuture<T> onFxThread(CompletionStage<T> stage) {
        CompletableFuture<T> onFx = new CompletableFuture<>();
        stage.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error != null) {
                onFx.completeExceptionally(error);
            } else {
                onFx.complete(value);
            }
        }));
        return onFx;
    }
}
