package lrwb.engine.startup;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.Nd4jNatives;
import lrwb.engine.runtime.NativeSettings;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * ND4J's native start-up takes about a second; callers start it on a background thread so the window
 * (or a command that does not need it) never waits for it. The engine is ready once ND4J is loaded, set up
 * for small networks ({@link NativeSettings}) and, unless the context's tuning says otherwise
 * ({@link lrwb.engine.runtime.EngineTuning#warmUp}), warmed up on that context ({@link EngineWarmup}), so that the
 * first range test runs as fast as the later ones.
 *
 * <p>One start-up per program, made with the program's {@link EngineContext}: the app makes it with the window, a
 * benchmark probe at its start. Thread-safe.
 */
public final class EngineStartup {
    private final EngineContext context;
    private final CompletableFuture<EngineInfo> ready = new CompletableFuture<>();
    private boolean started;

    /** A start-up that warms up on {@code context}; nothing runs until {@link #startInBackground}. */
    public EngineStartup(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** What the loaded backend is, for a status line. */
    public record EngineInfo(String backend, int threads, long millis) {
        public String describe() {
            return backend + ", " + threads + (threads == 1 ? " thread" : " threads") + ", ready in " + millis + " ms";
        }
    }

    /** Completes when the engine is ready; does not start it (see {@link #startInBackground}). */
    public CompletableFuture<EngineInfo> readiness() {
        return ready;
    }

    /** Starts ND4J once, on a daemon thread; every call returns the same future as {@link #readiness}. */
    public synchronized CompletableFuture<EngineInfo> startInBackground() {
        if (!started) {
            started = true;
            Thread t = new Thread(this::load, "nd4j-startup");
            t.setDaemon(true);
            t.start();
        }
        return ready;
    }

    private void load() {
        long t0 = System.nanoTime();
        try {
            NativeSettings.beforeNd4jLoads(); // before anything loads JavaCPP, Nd4jNatives' platform name included
            Nd4jNatives.host().require(); // one line for the status bar where ND4J cannot run, not ND4J's stack
            Nd4j.create(1); // forces the backend, its natives and BLAS to load
            NativeSettings.apply();
            if (context.tuning().warmUp()) {
                try {
                    EngineWarmup.run(context);
                } catch (Exception e) {
                    // a warm-up that fails only leaves the first run slower; the engine itself is loaded
                }
            }
            String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "")
                    + (NativeSettings.nativeBuild().equals("-onednn") ? " (oneDNN)" : "");
            ready.complete(new EngineInfo(backend, NativeSettings.threads(), (System.nanoTime() - t0) / 1_000_000));
        } catch (Throwable e) {
            ready.completeExceptionally(e);
        }
    }
}
