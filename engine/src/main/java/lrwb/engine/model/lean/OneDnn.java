package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.primitive_desc_base;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.util.ConvolutionUtils;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.scratchpad_mode;

/**
 * oneDNN 2.5 (Intel's deep-learning kernels, through JavaCPP's presets) where this platform has its natives: Linux,
 * macOS and Windows on x86-64. ND4J's oneDNN build links oneDNN 2.3 into its own library, but its {@code conv2d} /
 * {@code conv2d_bp} choose the memory layouts themselves ("any") and create the primitives anew on every call; for the
 * {@code cnn} model's second convolution that picks an AVX2 kernel on 8-channel blocks for the weight gradient (0.93 ms
 * at batch 64) where oneDNN's AVX-512 kernel on channels-last data takes 0.50 ms, and a pair of calls costs 2.6 ms
 * against 1.7 ms for the same three primitives kept and run on channels-last memory (measured here, one thread each).
 * {@link OneDnnConvolution} does that, {@link OneDnnPooling} the same for pooling and {@link OneDnnProduct} for the
 * dense layers' larger matrix products. Both libraries live in one process without conflict (each its own symbols) and
 * share the OpenMP runtime, so ND4J's one-thread setting holds for both.
 *
 * <p>Where the natives are missing (Linux on ARM, Apple Silicon) or {@code -Dlrwb.onednn=false} is set, the
 * convolutions, pooling and products keep ND4J's operations.
 */
final class OneDnn {
    /** {@code -Dlrwb.onednn=false} sends convolutions, pooling and products through ND4J's operations (comparisons, tests). */
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

    /**
     * oneDNN's padding (top, left, bottom, right) for a DL4J window layer: same mode as DL4J places it (any extra row
     * or column after), truncate and strict mode the configured padding on both sides (DL4J's output size floors, and
     * oneDNN's check floors the same way).
     *
     * @param outSize the output's height and width, as DL4J computed them
     * @param inSize  the input's height and width
     */
    static int[] padding(ConvolutionMode mode, int[] outSize, int[] inSize, int[] kernel, int[] stride, int[] dilation,
                         int[] configured) {
        if (mode == ConvolutionMode.Same) {
            int[] before = ConvolutionUtils.getSameModeTopLeftPadding(outSize, inSize, kernel, stride, dilation);
            int[] after = ConvolutionUtils.getSameModeBottomRightPadding(outSize, inSize, kernel, stride, dilation);
            return new int[] {before[0], before[1], after[0], after[1]};
        }
        return new int[] {configured[0], configured[1], configured[0], configured[1]};
    }

    /** The name oneDNN gives the kernel a primitive description stands for, e.g. "jit:avx512_common". */
    static String implementation(primitive_desc_base description) {
        return description.impl_info_str().getString();
    }

    static memory.desc floats(long[] dims, memory.format_tag layout) {
        return new memory.desc(dims, memory.data_type.f32, layout);
    }

    /**
     * Attributes every primitive here is made with: a scratchpad of its own ({@link Step}; the convolutions need a few
     * KB, the pooling up to ~100 KB). oneDNN's default, unless it was built for concurrent execution, keeps one
     * scratchpad per thread, sized when a primitive is created on that thread, and a primitive run on another thread
     * uses that thread's: a layer's primitives are made on one thread and may run on another (a validation copy's, on
     * whichever pool thread is free). With its own, where it runs does not matter.
     */
    static primitive_attr attributes() {
        primitive_attr attributes = new primitive_attr();
        attributes.set_scratchpad_mode(scratchpad_mode.user);
        return attributes;
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

    /**
     * An NCHW-shaped array whose values lie channels-last ({@code [N, H, W, C]} in c order, seen through
     * {@code permute(0, 3, 1, 2)}): what {@link #channelsLast} makes. Between two of our window layers activations and
     * their gradients stay so, in the layout oneDNN's kernels read, instead of being reordered to DL4J's NCHW and back
     * at every layer. Sizes of 1 do not count (one channel: the NCHW bytes themselves).
     */
    static boolean isChannelsLast(INDArray array) {
        if (array.rank() != 4) {
            return false;
        }
        long c = array.size(1);
        long h = array.size(2);
        long w = array.size(3);
        return (c == 1 || array.stride(1) == 1) && (w == 1 || array.stride(3) == c) && (h == 1 || array.stride(2) == w * c)
                && (array.size(0) == 1 || array.stride(0) == h * w * c);
    }

    /** A new array of NCHW shape {@code nchw} whose values lie channels-last ({@link #isChannelsLast}). */
    static INDArray channelsLast(LayerWorkspaceMgr workspaceMgr, ArrayType type, DataType dataType, long[] nchw) {
        return workspaceMgr.createUninitialized(type, dataType, new long[] {nchw[0], nchw[2], nchw[3], nchw[1]}, 'c')
                .permute(0, 3, 1, 2);
    }

    /**
     * Activations (or their gradients) as DL4J's layer holds them and as a kernel reads them, in the kernel's layout
     * ({@code nhwc} or {@code nchw}): the array's own memory when its values already lie so, else a copy of our own
     * and a reorder each way. Which applies is decided per array.
     */
    static final class Port {
        final memory.desc kernelDesc;
        /** What the primitives read or write: pointed at the array, or at our copy. */
        final memory kernel;
        private final Address kernelAddress = new Address();
        private final long[] dims;
        private final memory.format_tag kernelLayout;
        private final boolean nchwNetwork;
        private final stream stream;
        private final Owned owned;
        // made the first time an array does not lie in the kernel's layout
        private Bound other;
        private Pointer copyHandle;
        private Step toKernel;
        private Step toOther;
        private INDArray taken;
        private boolean copied;

        /**
         * @param dims        {@code [N, C, H, W]}
         * @param nchwNetwork DL4J's arrays are NCHW-shaped (c-ordered or {@link #isChannelsLast}); else NHWC c-ordered,
         *                    which is the kernels' {@code nhwc} itself
         */
        Port(long[] dims, memory.format_tag kernelLayout, boolean nchwNetwork, stream stream, Owned owned) {
            this.dims = dims.clone();
            this.kernelLayout = kernelLayout;
            this.nchwNetwork = nchwNetwork;
            this.stream = stream;
            this.owned = owned;
            kernelDesc = owned.add(floats(dims, kernelLayout));
            kernel = owned.add(new memory(kernelDesc, engine(), kernelAddress.at(0)));
        }

        /** Whether the kernels read and write {@code array}'s own memory. */
        boolean direct(INDArray array) {
            return !nchwNetwork || (kernelLayout == memory.format_tag.nhwc ? isChannelsLast(array) : isDenseC(array));
        }

        /** {@code array} in, reordered for the kernels where needed. */
        void take(INDArray array) {
            point(array);
            if (copied) {
                toKernel.run(stream);
            }
            taken = array;
        }

        /** As {@link #take}, without reordering again when the same array was taken last (a forward pass's input). */
        void takeAgain(INDArray array) {
            if (array != taken) {
                take(array);
            } else {
                point(array);
            }
        }

        /** Where the kernels write: {@code array} itself, or our copy until {@link #give}. */
        void bindUser(INDArray array) {
            point(array);
            taken = null;
        }

        /** Our copy's values into the array last bound, when the kernels wrote the copy. */
        void give() {
            if (copied) {
                toOther.run(stream);
            }
        }

        /** Whether the last array was served through our copy. */
        boolean copied() {
            return copied;
        }

        private void point(INDArray array) {
            copied = !direct(array);
            if (copied) {
                if (other == null) {
                    other = owned.bound(floats(dims, kernelLayout == memory.format_tag.nhwc ? memory.format_tag.nchw
                            : memory.format_tag.nhwc));
                    memory copy = owned.add(new memory(kernelDesc, engine()));
                    copyHandle = copy.get_data_handle(); // memory's own: freed with copy
                    toKernel = reorder(other.memory, copy, owned);
                    toOther = reorder(copy, other.memory, owned);
                }
                other.bind(array);
                kernel.set_data_handle(copyHandle);
            } else {
                kernel.set_data_handle(kernelAddress.at(HostCopy.address(array)));
            }
        }
    }

    /**
     * A primitive ready to run: its arguments (memory objects rebound to arrays as needed) and its own scratchpad
     * (made with {@link #attributes}).
     */
    static final class Step {
        private final primitive primitive;
        private final IntMemoryMap arguments;

        Step(primitive primitive, primitive_desc_base description, IntMemoryMap arguments, Owned owned) {
            this.primitive = owned.add(primitive);
            this.arguments = owned.add(arguments);
            memory.desc scratchpad = description.scratchpad_desc();
            if (scratchpad.get_size() > 0) {
                arguments.put(DNNL_ARG_SCRATCHPAD, owned.add(new memory(scratchpad, engine())));
            }
        }

        void run(stream stream) {
            primitive.execute(stream, arguments);
        }
    }

    /** A reorder of {@code from}'s values into {@code to}'s layout. */
    static Step reorder(memory from, memory to, Owned owned) {
        reorder.primitive_desc description = owned.add(new reorder.primitive_desc(from, to, owned.add(attributes()), false));
        IntMemoryMap arguments = new IntMemoryMap();
        arguments.put(DNNL_ARG_SRC, from);
        arguments.put(DNNL_ARG_DST, to);
        return new Step(new reorder(description), description, arguments, owned);
    }

    /**
     * The native objects one set of primitives made, freed together when the set is dropped: oneDNN's memory is not
     * counted by JavaCPP, so nothing else would make the garbage collector free it soon.
     */
    static final class Owned implements AutoCloseable {
        private final List<Pointer> pointers = new ArrayList<>();

        <T extends Pointer> T add(T pointer) {
            pointers.add(pointer);
            return pointer;
        }

        /** A memory object of this set, over arrays bound to it later. */
        Bound bound(memory.desc desc) {
            Bound bound = new Bound(add(desc));
            add(bound.memory);
            return bound;
        }

        @Override
        public void close() {
            for (int i = pointers.size() - 1; i >= 0; i--) {
                pointers.get(i).close();
            }
            pointers.clear();
        }
    }

    /**
     * A layer's primitive sets for its last few input shapes (training batches, a pass's smaller last batch, validation
     * chunks and their remainder), the least recently used dropped and freed beyond that.
     */
    static final class Shapes<P extends AutoCloseable> {
        private final int kept;
        private final Deque<Kept<P>> recent = new ArrayDeque<>();
        private final List<Object> refused = new ArrayList<>();

        /** Keeps the sets of the last four shapes. */
        Shapes() {
            this(4);
        }

        Shapes(int kept) {
            this.kept = kept;
        }

        /**
         * The set made for {@code shape} (a value: equal shapes equal), else a new one from {@code make}; null, and the layer takes ND4J's path, when
         * oneDNN refuses to make it (no case DL4J accepts is known to be refused; a shape refused once is not tried
         * again).
         */
        P get(Object shape, Supplier<P> make) {
            for (Kept<P> k : recent) {
                if (k.shape.equals(shape)) {
                    recent.remove(k);
                    recent.addFirst(k);
                    return k.set;
                }
            }
            if (refused.contains(shape)) {
                return null;
            }
            P made;
            try {
                made = make.get();
            } catch (RuntimeException e) { // JavaCPP's dnnl error: "could not create a primitive descriptor ..."
                refused.add(shape);
                return null;
            }
            recent.addFirst(new Kept<>(shape, made));
            if (recent.size() > kept) {
                try {
                    recent.removeLast().set.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return made;
        }

        /** The most recent, or null. */
        P last() {
            Kept<P> last = recent.peekFirst();
            return last == null ? null : last.set;
        }

        private record Kept<P>(Object shape, P set) {
        }
    }
}
