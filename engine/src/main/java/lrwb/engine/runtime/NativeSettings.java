package lrwb.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How ND4J runs the small networks of this workbench. Their updates are dozens of tiny native operations, so
 * per-operation overhead, not arithmetic, decides the speed:
 * <ul>
 *   <li>one native thread: waking and synchronising a thread pool for every tiny operation costs more than
 *       the operation (on a busy 2-core machine a second thread made updates several times slower, even at
 *       784-256-10), and it leaves the other core to the window and to a second job;</li>
 *   <li>no JavaCPP physical-memory check: it reads {@code /proc/self/statm} on every native allocation,
 *       which ND4J makes for the shape of almost every array view.</li>
 * </ul>
 * An explicit {@code OMP_NUM_THREADS} or {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes} wins over both.
 */
public final class NativeSettings {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final int THREADS = threadsFromEnvironment();
    private static volatile boolean applied;

    private NativeSettings() {
    }

    /** The native threads ND4J uses: {@code OMP_NUM_THREADS} when set, else 1. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Settings that JavaCPP reads once, when it loads: call before anything touches ND4J (the CLI's entry point,
     * the engine start-up). Later calls change nothing.
     */
    public static void beforeNd4jLoads() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /** ND4J's process-wide thread counts; loads ND4J if needed. Idempotent and cheap after the first call. */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (NativeSettings.class) {
            if (!applied) {
                beforeNd4jLoads();
                // Masters first: ND4J keeps maxThreads >= maxMasterThreads and ignores a lower maxThreads.
                Nd4j.getEnvironment().setMaxMasterThreads(THREADS);
                Nd4j.getEnvironment().setMaxThreads(THREADS);
                Nd4j.factory().blas().setMaxThreads(THREADS);
                applied = true;
            }
        }
    }

    /**
     * For a thread about to run ND4J work (a range test, a training job): OpenMP keeps its thread count per
     * calling thread, so the process-wide setting alone does not reach new threads.
     */
    public static void applyToCurrentThread() {
        apply();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(THREADS);
    }

    private static int threadsFromEnvironment() {
        String value = System.getenv("OMP_NUM_THREADS");
        if (value != null) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: fall back to the default, as OpenMP does
            }
        }
        return 1;
    }
}
