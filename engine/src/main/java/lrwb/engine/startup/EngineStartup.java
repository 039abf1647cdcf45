package lrwb.engine.startup;

import lrwb.engine.runtime.NativeSettings;

import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.CompletableFuture;

/**
 * ND4J's native start-up takes about a second; callers start it on a background thread so the window
 * (or a command that does not need it) never waits for it. The engine is ready once ND4J is loaded, set up
 * for small networks ({@link NativeSettings}) and warmed up ({@link EngineWarmup}), so that the first range
 * test runs as fast as the later ones.
 */
public final class EngineStartup {
    /** {@code -Dlrwb.engine.warmUp=false} skips the warm-up (for measuring start-up with and without it). */
    public static final String WARM_UP_PROPERTY = "lrwb.engine.warmUp";
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

    /** Completes when the engine is ready; does not start it (see {@link #startInBackground}). */
    public static CompletableFuture<EngineInfo> readiness() {
        return READY;
    }

    /** Starts ND4J once, on a daemon thread; every call returns the same future as {@link #readiness}. */
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
            NativeSettings.beforeNd4jLoads();
            Nd4j.create(1); // forces the backend, its natives and BLAS to load
            NativeSettings.apply();
            if (!"false".equals(System.getProperty(WARM_UP_PROPERTY))) {
                try {
                    EngineWarmup.run();
                } catch (Exception e) {
                    // a warm-up that fails only leaves the first run slower; the engine itself is loaded
                }
            }
            String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "");
            READY.complete(new EngineInfo(backend, NativeSettings.threads(), (System.nanoTime() - t0) / 1_000_000));
        } catch (Throwable e) {
            READY.completeExceptionally(e);
        }
    }
}
