package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN 2.5 (Intel's deep-learning kernels, through JavaCPP's presets) where this platform has its natives: Linux,
 * macOS and Windows on x86-64. ND4J's oneDNN build links oneDNN 2.3 into its own library, but its {@code conv2d} /
 * {@code conv2d_bp} choose the memory layouts themselves ("any") and create the primitives anew on every call; for the
 * {@code cnn} model's second convolution that picks an AVX2 kernel on 8-channel blocks for the weight gradient (0.93 ms
 * at batch 64) where oneDNN's AVX-512 kernel on channels-last data takes 0.50 ms, and a pair of calls costs 2.6 ms
 * against 1.7 ms for the same three primitives kept and run on channels-last memory (measured here, one thread each).
 * {@link OneDnnConvolution} does that. Both libraries live in one process without conflict (each its own symbols) and
 * share the OpenMP runtime, so ND4J's one-thread setting holds for both.
 *
 * <p>Where the natives are missing (Linux on ARM, Apple Silicon) or {@code -Dlrwb.onednn=false} is set, the
 * convolutions keep ND4J's operations.
 */
final class OneDnn {
    /** {@code -Dlrwb.onednn=false} sends the convolutions through ND4J's operations (comparisons, tests). */
    static final String SWITCH = "lrwb.onednn";

    private OneDnn() {
    }

    /** True when oneDNN's natives loaded and the switch is not off. */
    static boolean available() {
        return Loaded.ENGINE != null && !"false".equals(System.getProperty(SWITCH));
    }

    /** The CPU engine every primitive runs on; only when {@link #available}. */
    static engine engine() {
        return Loaded.ENGINE;
    }

    /** Why oneDNN is not used, for diagnostics; null when it is. */
    static String unavailableReason() {
        if (Loaded.ENGINE == null) {
            return Loaded.FAILURE;
        }
        return available() ? null : "-D" + SWITCH + "=false";
    }

    static memory.desc floats(long[] dims, memory.format_tag layout) {
        return new memory.desc(dims, memory.data_type.f32, layout);
    }

    /** Loaded on first use: a platform without the natives fails here once, and the reason is kept. */
    private static final class Loaded {
        static final engine ENGINE;
        static final String FAILURE;

        static {
            engine loaded = null;
            String failure = null;
            try {
                loaded = new engine(engine.kind.cpu, 0);
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
                failure = "oneDNN's natives did not load: " + t;
            }
            ENGINE = loaded;
            FAILURE = failure;
        }
    }

    /**
     * A pointer to memory allocated elsewhere (an ND4J array's values), set before each use: binding an array to a
     * oneDNN memory object allocates nothing.
     */
    static final class Address extends Pointer {
        Address at(long value) {
            address = value;
            return this;
        }
    }

    /** A oneDNN memory object over an ND4J array's values, rebound per call. */
    static final class Bound {
        final memory memory;
        private final Address address = new Address();

        Bound(memory.desc desc) {
            memory = new memory(desc, engine(), address.at(0));
        }

        void bind(INDArray array) {
            memory.set_data_handle(address.at(HostCopy.address(array)));
        }
    }

    /** Values in c order without gaps, as oneDNN's plain layouts read them (a size-1 dimension's stride does not matter). */
    static boolean isDenseC(INDArray array) {
        long expected = 1;
        for (int i = array.rank() - 1; i >= 0; i--) {
            if (array.size(i) != 1 && array.stride(i) != expected) {
                return false;
            }
            expected *= array.size(i);
        }
        return true;
    }
}
