package lrwb.engine.model.lean;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

/**
 * One float matrix product {@code c = a·b (+ bias)} of fixed sizes and layouts through oneDNN's matmul, over ND4J
 * arrays bound by address at each call: a dense layer's forward product and its two gradient products. Its brgemm
 * kernel runs `cnn`'s 64×784 by 784×64 product in 30–34 µs on one AVX-512 core, where ND4J's gemm (OpenBLAS) takes
 * 83–100 µs, and each of the layer's other two products likewise (measured here, one thread). Within float rounding of
 * ND4J's products, not bit for bit (another order of additions); the same kernel, so the same values, every run.
 * Operands are 2-D and dense in c or f order: a transposed view of a c-ordered matrix is an f-ordered one.
 */
final class OneDnnProduct implements AutoCloseable {
    /** Sizes, layouts (f order or c) and whether a bias row is added: one primitive per distinct value. */
    record Shape(long m, long k, long n, boolean aF, boolean bF, boolean cF, boolean bias) {
    }

    private final OneDnn.Owned owned = new OneDnn.Owned();
    private final stream stream;
    private final OneDnn.Bound a;
    private final OneDnn.Bound b;
    private final OneDnn.Bound c;
    private final OneDnn.Bound bias;
    private final OneDnn.Step product;

    OneDnnProduct(Shape shape) {
        try {
            stream = owned.add(new stream(OneDnn.engine()));
            a = owned.bound(matrix(shape.m(), shape.k(), shape.aF()));
            b = owned.bound(matrix(shape.k(), shape.n(), shape.bF()));
            c = owned.bound(matrix(shape.m(), shape.n(), shape.cF()));
            bias = shape.bias() ? owned.bound(matrix(1, shape.n(), false)) : null;
            matmul.desc desc = owned.add(bias == null
                    ? new matmul.desc(a.memory.get_desc(), b.memory.get_desc(), c.memory.get_desc())
                    : new matmul.desc(a.memory.get_desc(), b.memory.get_desc(), bias.memory.get_desc(), c.memory.get_desc()));
            matmul.primitive_desc description = owned.add(new matmul.primitive_desc(desc, owned.add(OneDnn.attributes()),
                    OneDnn.engine()));
            IntMemoryMap arguments = new IntMemoryMap();
            arguments.put(DNNL_ARG_SRC, a.memory);
            arguments.put(DNNL_ARG_WEIGHTS, b.memory);
            if (bias != null) {
                arguments.put(DNNL_ARG_BIAS, bias.memory);
            }
            arguments.put(DNNL_ARG_DST, c.memory);
            product = new OneDnn.Step(new matmul(description), description, arguments, owned);
        } catch (RuntimeException refused) { // what was made before oneDNN refused is freed now, not by the collector
            owned.close();
            throw refused;
        }
    }

    private memory.desc matrix(long rows, long columns, boolean f) {
        return owned.add(OneDnn.floats(new long[] {rows, columns}, f ? memory.format_tag.ba : memory.format_tag.ab));
    }

    /**
     * The shape of {@code out = a·b (+ bias)} when oneDNN can run it here (float, 2-D, dense, sizes that fit, a
     * {@code [1, n]} bias), else null: the caller computes it as before.
     */
    static Shape shapeOf(INDArray a, INDArray b, INDArray bias, INDArray out) {
        if (!OneDnn.available() || !plain(a) || !plain(b) || !plain(out)) {
            return null;
        }
        long m = a.size(0);
        long k = a.size(1);
        long n = b.size(1);
        if (b.size(0) != k || out.size(0) != m || out.size(1) != n || bias != null && !isRow(bias, n)
                || bias != null && !OneDnn.isDenseC(out)) { // into columns oneDNN runs a reference loop, 100× slower
            return null;
        }
        // c order where an array is dense both ways (a vector): either tag reads it alike
        return new Shape(m, k, n, !OneDnn.isDenseC(a), !OneDnn.isDenseC(b), !OneDnn.isDenseC(out), bias != null);
    }

    /** {@code n} floats one after the other: DL4J's bias, {@code [n]} or {@code [1, n]}. */
    private static boolean isRow(INDArray array, long n) {
        return array.dataType() == DataType.FLOAT && array.length() == n && (array.rank() == 1 || array.rank() == 2)
                && OneDnn.isDenseC(array);
    }

    /** Whether oneDNN can read {@code a} and {@code b} for {@code a·b} here (the result then goes to a new c-ordered array). */
    static boolean reads(INDArray a, INDArray b) {
        return OneDnn.available() && plain(a) && plain(b) && a.size(1) == b.size(0);
    }

    private static boolean plain(INDArray array) {
        return array.rank() == 2 && array.dataType() == DataType.FLOAT && !array.isEmpty()
                && (OneDnn.isDenseC(array) || isDenseF(array));
    }

    /** Values in f order without gaps (column after column; a size-1 dimension's stride does not matter). */
    private static boolean isDenseF(INDArray array) {
        return (array.size(0) == 1 || array.stride(0) == 1) && (array.size(1) == 1 || array.stride(1) == array.size(0));
    }

    /** {@code out = a·b (+ bias)}; the arrays have the {@link Shape} this product was made for. */
    void run(INDArray aValues, INDArray bValues, INDArray biasValues, INDArray out) {
        a.bind(aValues);
        b.bind(bValues);
        if (bias != null) {
            bias.bind(biasValues);
        }
        c.bind(out);
        product.run(stream);
        Reference.reachabilityFence(aValues); // bound by address: read until here
        Reference.reachabilityFence(bValues);
        Reference.reachabilityFence(biasValues);
        Reference.reachabilityFence(out);
    }

    @Override
    public void close() {
        owned.close();
    }

    /**
     * A layer's products, kept by shape: three per batch size (forward, weight and input gradient) for a few batch
     * sizes (training, a pass's last batch, validation chunks). One layer runs on one thread at a time.
     */
    static final class Kept {
        private final OneDnn.Shapes<OneDnnProduct> products = new OneDnn.Shapes<>(12);

        /** {@code out = a·b (+ bias)} through oneDNN when it can run it here; false, and nothing written, otherwise. */
        boolean run(INDArray a, INDArray b, INDArray bias, INDArray out) {
            if (bias == null && out.rank() == 2 && !OneDnn.isDenseC(out)) {
                // outᵀ = bᵀ·aᵀ into a c-ordered view: oneDNN's fast kernels write rows (into an f-ordered matrix its
                // matmul falls back to a reference loop, 100 times slower)
                return runInOrder(b.transpose(), a.transpose(), null, out.transpose());
            }
            return runInOrder(a, b, bias, out);
        }

        /** Whether a product ran through oneDNN here. */
        boolean used() {
            return products.last() != null;
        }

        private boolean runInOrder(INDArray a, INDArray b, INDArray bias, INDArray out) {
            Shape shape = shapeOf(a, b, bias, out);
            OneDnnProduct product = shape == null ? null : products.get(shape, () -> new OneDnnProduct(shape));
            if (product == null) {
                return false;
            }
            product.run(a, b, bias, out);
            return true;
        }
    }
}
