package lrwb.app.stream;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One-off work that must stay off the FX thread (reading a run folder, listing the runs on disk) and whose
 * single result the FX thread then shows. For streams of values use {@link FrameQueue}.
 */
public final class BackgroundWork {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lrwb-background");
        t.setDaemon(true);
        return t;
    });

    private BackgroundWork() {
    }

    /**
     * Runs {@code work} on a background thread.
     *
     * @return a future whose dependent stages run on the FX thread; it fails with the exception {@code work} threw
     */
    public static <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> onFx = new CompletableFuture<>();
        POOL.execute(() -> {
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

    /** The exception a background step failed with, without the CompletionException around it. */
    public static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
