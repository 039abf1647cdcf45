package lrwb.engine.runtime;

/**
 * The engine's tuning values: choices that change how fast the engine runs, never what it computes beyond float
 * rounding. Immutable; an {@link EngineContext} carries one to everything it runs, so a test that wants another
 * value makes a context (or a network) with it instead of changing a value every other run would see.
 *
 * @param javaErrorLimit    outputs of up to this many values (batch x classes) get their softmax, error and loss in
 *                          Java instead of ND4J's operations (cheaper for small outputs); 0 sends every output
 *                          through ND4J, as DL4J computes it bit for bit. {@code >= 0}
 * @param javaProductLimit  dense layers whose products take up to this many multiply-adds (batch x inputs x outputs)
 *                          compute them, their bias and their gradients in Java instead of ND4J's operations (cheaper
 *                          for tiny layers, within float rounding; four times as many for an MLP whose whole update
 *                          runs in Java, see {@code LeanLayers.ALL_LEAN_PRODUCT_FACTOR}), and larger ones through
 *                          oneDNN's matmul where its natives load ({@code OneDnnProduct}, within float rounding);
 *                          0 for neither, every product by ND4J as DL4J computes them, bit for bit. {@code >= 0}
 * @param overlapValidation whether an epoch's validation may run in the background while the next epoch trains
 *                          (for the networks where that pays, see {@code EpochEvaluator}); worth it with a second
 *                          core, and still correct (only not faster) without one
 * @param warmUp            whether {@code EngineStartup} warms DL4J up after loading ND4J
 */
public record EngineTuning(long javaErrorLimit, long javaProductLimit, boolean overlapValidation, boolean warmUp) {
    /** The default of {@link #javaErrorLimit}: a 16 x 3 batch's softmax alone costs some 60 µs in ND4J. */
    public static final long DEFAULT_JAVA_ERROR_LIMIT = 4096;
    /**
     * The default of {@link #javaProductLimit}: ND4J's fixed cost per product or bias sum (10–20 µs, and garbage for
     * its collector and deallocator threads) buys some 64k multiply-adds in the Java loops, which run on vector
     * instructions (a 32 × 64 × 32 product in 12.5 µs here); an iris network (16 × 4 × 16) is far below, a 2-64-32-2
     * network at batch 32 just within (its sweep cells ran 1.4× faster on one core), 784-128-10 far above.
     */
    public static final long DEFAULT_JAVA_PRODUCT_LIMIT = 65_536;
    /** {@code -Dlrwb.engine.warmUp=false} turns {@link #warmUp} off by default (the start-up benchmark). */
    public static final String WARM_UP_PROPERTY = "lrwb.engine.warmUp";

    public EngineTuning {
        if (javaErrorLimit < 0) {
            throw new IllegalArgumentException("javaErrorLimit must be >= 0, got " + javaErrorLimit);
        }
        if (javaProductLimit < 0) {
            throw new IllegalArgumentException("javaProductLimit must be >= 0, got " + javaProductLimit);
        }
    }

    /**
     * The values for this machine and process: overlapped validation when there is more than one core, the warm-up
     * unless {@value #WARM_UP_PROPERTY} is {@code false}. Read once, when called.
     */
    public static EngineTuning defaults() {
        return new EngineTuning(DEFAULT_JAVA_ERROR_LIMIT, DEFAULT_JAVA_PRODUCT_LIMIT, Runtime.getRuntime().availableProcessors() > 1,
                !"false".equals(System.getProperty(WARM_UP_PROPERTY)));
    }

    public EngineTuning withJavaErrorLimit(long limit) {
        return new EngineTuning(limit, javaProductLimit, overlapValidation, warmUp);
    }

    public EngineTuning withJavaProductLimit(long limit) {
        return new EngineTuning(javaErrorLimit, limit, overlapValidation, warmUp);
    }

    /** Every product, softmax and error by ND4J's operations: DL4J's own arithmetic, bit for bit. */
    public EngineTuning withoutJavaArithmetic() {
        return new EngineTuning(0, 0, overlapValidation, warmUp);
    }

    public EngineTuning withOverlapValidation(boolean overlap) {
        return new EngineTuning(javaErrorLimit, javaProductLimit, overlap, warmUp);
    }

    public EngineTuning withWarmUp(boolean warm) {
        return new EngineTuning(javaErrorLimit, javaProductLimit, overlapValidation, warm);
    }
}
