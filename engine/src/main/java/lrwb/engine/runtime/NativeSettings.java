package lrwb.engine.runtime;

import org.deeplearning4j.util.CrashReportingUtil;
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
 *       which ND4J makes for the shape of almost every array view;</li>
 *   <li>every array's shape information cached ({@link CachedShapeInfoProvider}), not made natively again for each.</li>
 * </ul>
 * An explicit {@code OMP_NUM_THREADS} or {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes} wins over both.
 *
 * <p>DL4J's memory crash dump is off: after an {@link OutOfMemoryError} in {@code fit} DL4J would write a report of
 * the network and the hardware into the working directory, with the little memory left; the engine reports the
 * error in one line instead. The dump reads the hardware through OSHI, which the build leaves out (engine/pom.xml).
 *
 * <p>Which native build of ND4J loads: the oneDNN one ({@code nd4j-native} classifier {@code <platform>-onednn}) where
 * the build put it on the class path (x86_64 Linux, Windows and macOS; see engine/pom.xml). Its convolutions and
 * matrix products run through oneDNN, which picks the CPU's widest instructions (AVX2, AVX-512) when it starts; the
 * plain build's convolution is some 10× slower. JavaCPP reads the choice once, from a system property, when ND4J's
 * natives load; an explicit {@code -Dorg.bytedeco.javacpp.platform.extension} (or {@code javacpp.platform.extension}) wins.
 */
public final class NativeSettings {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    static final String ONEDNN = "-onednn";
    /** ND4J's setting for its shape-information provider, read from the system properties when it starts. */
    static final String SHAPE_INFO_PROVIDER = "shapeinfoprovider";
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
        if (System.getProperty(PLATFORM_EXTENSION) == null && System.getProperty("javacpp.platform.extension") == null
                && hasOneDnnBuild()) {
            System.setProperty(PLATFORM_EXTENSION, ONEDNN);
        }
        if (System.getProperty(SHAPE_INFO_PROVIDER) == null) {
            System.setProperty(SHAPE_INFO_PROVIDER, CachedShapeInfoProvider.class.getName());
        }
    }

    /**
     * The native build ND4J runs on, from the library JavaCPP loaded: {@code "-onednn"}, or {@code ""} for the plain
     * one. Loads ND4J if needed.
     */
    public static String nativeBuild() {
        apply();
        String oneDnn = "/" + org.bytedeco.javacpp.Loader.getPlatform() + ONEDNN + "/";
        for (String path : org.bytedeco.javacpp.Loader.getLoadedLibraries().values()) {
            if (path != null && path.replace('\\', '/').contains(oneDnn) && path.contains("nd4jcpu")) {
                return ONEDNN;
            }
        }
        return "";
    }

    /** Whether ND4J's oneDNN build for this platform is on the class path (no native code loads). */
    public static boolean hasOneDnnBuild() {
        return Nd4jNatives.hasBuild(org.bytedeco.javacpp.Loader.getPlatform(), ONEDNN);
    }


    /**
     * ND4J's process-wide thread counts; loads ND4J if needed. Idempotent and cheap after the first call.
     *
     * @throws IllegalStateException in one line if ND4J has no native build for this platform ({@link Nd4jNatives})
     */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (NativeSettings.class) {
            if (!applied) {
                beforeNd4jLoads(); // first: Nd4jNatives asks JavaCPP's Loader, whose loading reads the settings
                Nd4jNatives.host().require();
                CrashReportingUtil.crashDumpsEnabled(false);
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
