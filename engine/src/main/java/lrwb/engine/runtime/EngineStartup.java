package lrwb.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.CompletableFuture;

/**
 * ND4J's native start-up takes about a second; callers start it on a background thread so the window
 * (or a command that does not need it) never waits for it.
 */
public final class EngineStartup {
    private static final CompletableFuture<EngineInfo> READY = new CompletableFuture<>();
    private static volatile boolean started;

    private EngineStartup() {
    }

    /** What the loaded backend is, for a status line. */
    public record EngineInfo(String backend, int threads, long millis) {
        public String describe() {
            return backend + ", " + threads + (threads == 1 ? " thread" : " threads") + ", ready in " + millis + " ms";
        }
    }

    /** Starts ND4J once, on a daemon thread; every call returns the same future. */
    public static synchronized CompletableFuture<EngineInfo> startInBackground() {
        if (!started) {
            started = true;
            Thread t = new Thread(EngineStartup::load, "nd4j-startup");
            t.setDaemon(true);
            t.start();
        }
        return READY;
    }

    private static void load() {
        long t0 = System.nanoTime();
        try {
            Nd4j.create(1); // forces the backend, its natives and BLAS to load
            String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "");
            int threads = Integer.parseInt(System.getenv().getOrDefault("OMP_NUM_THREADS",
                    String.valueOf(Runtime.getRuntime().availableProcessors())));
            READY.complete(new EngineInfo(backend, threads, (System.nanoTime() - t0) / 1_000_000));
        } catch (Throwable e) {
            READY.completeExceptionally(e);
        }
    }
}
