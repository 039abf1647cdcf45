package lrwb.engine.runtime;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;

/**
 * Copies of small native matrices into Java arrays, read straight from native memory: no ND4J operation runs,
 * so reading a batch's worth of numbers costs a memory copy, not an operation's fixed overhead.
 */
public final class HostCopy {
    /**
     * A thread's array for moving rows through one native copy (one call into native code per matrix, not per row);
     * grown as needed, never shrunk, reused so that a small network's every update allocates nothing here.
     */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private HostCopy() {
    }

    /** The values of a matrix in row-major order ({@code [r * columns + c]}), whatever its layout or offset. */
    public static float[] rowMajor(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + matrix.shapeInfoToString());
        }
        int rows = (int) matrix.size(0);
        int columns = (int) matrix.size(1);
        float[] out = new float[rows * columns];
        if (out.length == 0) {
            return out;
        }
        if (matrix.dataType() != DataType.FLOAT) {
            float[][] values = matrix.toFloatMatrix();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values[r], 0, out, r * columns, columns);
            }
            return out;
        }
        long rowStride = matrix.stride(0);
        long columnStride = matrix.stride(1);
        NativeFloats first = firstValue(matrix);
        if (columnStride == 1 && (rowStride == columns || rows == 1)) {
            first.get(out, 0, out.length);
            return out;
        }
        float[] span = new float[(int) ((rows - 1) * rowStride + (columns - 1) * columnStride + 1)];
        first.get(span, 0, span.length);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = span[(int) (r * rowStride + c * columnStride)];
            }
        }
        return out;
    }

    /**
     * The rows of a matrix copied into {@code into} (as many rows as the matrix, each as long as a row), which it
     * returns: straight from native memory, row by row, when the matrix is float and its rows are dense.
     */
    public static float[][] rows(INDArray matrix, float[][] into) {
        int rows = (int) matrix.size(0);
        int columns = (int) matrix.size(1);
        if (matrix.rank() != 2 || into.length != rows || (rows > 0 && into[0].length != columns)) {
            throw new IllegalArgumentException("rows of " + rows + " x " + columns + " into " + into.length + " rows");
        }
        if (rows == 0 || columns == 0) {
            return into;
        }
        if (matrix.dataType() == DataType.FLOAT && matrix.stride(1) == 1 && matrix.stride(0) == columns) {
            float[] values = scratch(rows * columns);
            firstValue(matrix).get(values, 0, rows * columns);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values, r * columns, into[r], 0, columns);
            }
            return into;
        }
        if (matrix.dataType() == DataType.FLOAT && matrix.stride(0) == 1 && matrix.stride(1) == rows) {
            // column-major (DL4J keeps a dense layer's weights so): one copy, then each column spread over the rows
            float[] values = scratch(rows * columns);
            firstValue(matrix).get(values, 0, rows * columns);
            for (int c = 0; c < columns; c++) {
                int column = c * rows;
                for (int r = 0; r < rows; r++) {
                    into[r][c] = values[column + r];
                }
            }
            return into;
        }
        float[] values = rowMajor(matrix);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * columns, into[r], 0, columns);
        }
        return into;
    }

    /**
     * Writes rows of equal length into a float matrix of that shape: straight into native memory, row by row, when it
     * is row-major and dense (as a freshly created array is), else as {@link #write(float[], INDArray)} does.
     */
    public static void write(float[][] rows, INDArray into) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        if (into.rank() != 2 || into.size(0) != rows.length || into.size(1) != columns) {
            throw new IllegalArgumentException(rows.length + " rows of " + columns + " for an array of shape "
                    + java.util.Arrays.toString(into.shape()));
        }
        if (rows.length == 0 || columns == 0) {
            return;
        }
        if (into.dataType() == DataType.FLOAT && into.stride(1) == 1 && into.stride(0) == columns) {
            float[] values = scratch(rows.length * columns);
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(rows[r], 0, values, r * columns, columns);
            }
            firstValue(into).put(values, 0, rows.length * columns);
            return;
        }
        if (into.dataType() == DataType.FLOAT && into.stride(0) == 1 && into.stride(1) == rows.length) {
            float[] values = scratch(rows.length * columns);
            for (int r = 0; r < rows.length; r++) {
                float[] row = rows[r];
                for (int c = 0; c < columns; c++) {
                    values[c * rows.length + r] = row[c];
                }
            }
            firstValue(into).put(values, 0, rows.length * columns);
            return;
        }
        float[] values = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        write(values, into);
    }

    /** The values of a vector ({@link #values(INDArray)}) copied into {@code into}, which it returns. */
    public static float[] values(INDArray vector, float[] into) {
        if (into.length != vector.length()) {
            throw new IllegalArgumentException(vector.length() + " values into " + into.length);
        }
        if (vector.dataType() == DataType.FLOAT && (vector.rank() == 1 || vector.rank() == 2 && (vector.size(0) == 1
                || vector.size(1) == 1)) && vector.elementWiseStride() == 1 && into.length > 0) {
            firstValue(vector).get(into, 0, into.length);
            return into;
        }
        float[] values = values(vector);
        System.arraycopy(values, 0, into, 0, into.length);
        return into;
    }

    /** The values of a vector, a {@code [1, n]} row or an {@code [n, 1]} column. */
    public static float[] values(INDArray vector) {
        if (vector.rank() == 2 && (vector.size(0) == 1 || vector.size(1) == 1)) {
            return rowMajor(vector); // [1, n] and [n, 1] both list their values in order
        }
        if (vector.rank() != 1) {
            throw new IllegalArgumentException("expected a vector, got shape " + vector.shapeInfoToString());
        }
        int n = (int) vector.length();
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        if (vector.dataType() != DataType.FLOAT) {
            return vector.toFloatVector();
        }
        long stride = vector.stride(0);
        float[] span = stride == 1 ? out : new float[(int) ((n - 1) * stride + 1)];
        firstValue(vector).get(span, 0, span.length);
        if (span != out) {
            for (int i = 0; i < n; i++) {
                out[i] = span[(int) (i * stride)];
            }
        }
        return out;
    }

    /** For each row of a matrix (one-hot labels, scores), the index of its largest value, the first on a tie. */
    public static int[] argMaxOfRows(INDArray matrix) {
        return argMaxOfRows(rowMajor(matrix), (int) matrix.size(0), (int) matrix.size(1));
    }

    /** The same for row-major {@code values} of {@code rows x columns}. */
    public static int[] argMaxOfRows(float[] values, int rows, int columns) {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < columns; c++) {
                if (values[r * columns + c] > values[r * columns + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /**
     * Writes row-major {@code values} into a float matrix: straight into native memory when it is row-major and
     * dense (as a freshly created array is), through one assign otherwise.
     */
    public static void write(float[] values, INDArray into) {
        if (into.length() != values.length) {
            throw new IllegalArgumentException(values.length + " values for an array of " + into.length());
        }
        if (into.dataType() == DataType.FLOAT && into.rank() == 2 && into.stride(1) == 1
                && (into.stride(0) == into.size(1) || into.size(0) == 1)) {
            firstValue(into).put(values, 0, values.length); // row-major, as given
        } else if (into.dataType() == DataType.FLOAT && into.rank() == 2 && into.stride(0) == 1
                && (into.stride(1) == into.size(0) || into.size(1) == 1)) {
            int rows = (int) into.size(0);
            int columns = (int) into.size(1);
            float[] columnMajor = new float[values.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    columnMajor[c * rows + r] = values[r * columns + c];
                }
            }
            firstValue(into).put(columnMajor, 0, columnMajor.length);
        } else if (into.dataType() == DataType.FLOAT && into.rank() == 1 && into.stride(0) == 1) {
            firstValue(into).put(values, 0, values.length);
        } else {
            into.assign(org.nd4j.linalg.factory.Nd4j.create(values, into.shape(), 'c'));
        }
    }

    /**
     * Copies rows {@code rows[first], ..., rows[first + count - 1]} of {@code from} into rows {@code 0 .. count - 1} of
     * {@code into}, native memory to native memory, one copy per row: a shuffled minibatch gathered without an ND4J
     * operation. {@code pullRows} builds the rows' shape information natively for every call, which for a small data
     * set (iris: a pass of 120 rows of 4 values) cost many times the copy.
     *
     * @return false, having copied nothing, unless both are dense row-major matrices of the same type and width (any
     * offset): the caller takes ND4J's general path then
     */
    public static boolean copyRows(INDArray from, int[] rows, int first, int count, INDArray into) {
        if (!denseRows(from) || !denseRows(into) || from.dataType() != into.dataType() || from.size(1) != into.size(1)
                || into.size(0) < count) {
            return false;
        }
        java.util.Objects.checkFromIndexSize(first, count, rows.length);
        long n = from.size(0);
        long rowBytes = from.size(1) * from.data().getElementSize();
        long source = address(from);
        long target = address(into);
        for (int i = 0; i < count; i++) {
            int row = rows[first + i];
            java.util.Objects.checkIndex(row, n);
            NativeFloats.UNSAFE.copyMemory(source + row * rowBytes, target + i * rowBytes, rowBytes);
        }
        Reference.reachabilityFence(from);
        Reference.reachabilityFence(into);
        return true;
    }

    /** A rank-2 array whose rows follow each other in memory, each row's values next to each other. */
    private static boolean denseRows(INDArray matrix) {
        return matrix.rank() == 2 && matrix.ordering() == 'c' && (matrix.stride(1) == 1 || matrix.size(1) == 1)
                && (matrix.stride(0) == matrix.size(1) || matrix.size(0) == 1) && matrix.data().getElementSize() > 0;
    }

    /**
     * A float array's first value in native memory, for one read or write right away. ND4J's
     * {@code data().addressPointer()} points there too, but asks native code for the address twice and makes four
     * objects each time; a small network's update copies a dozen arrays, so that was a fifth of what training
     * allocated. A view's buffer shares its parent's pointer and knows its own offset (HostCopyTest reads views).
     */
    static NativeFloats firstValue(INDArray array) {
        return new NativeFloats(address(array), array);
    }

    /**
     * The native address of an array's first value (see {@link #firstValue}). Valid while the array is reachable and,
     * for an array in a DL4J workspace, until the workspace is reset.
     */
    public static long address(INDArray array) {
        DataBuffer buffer = array.data();
        return buffer.address() + buffer.offset() * buffer.getElementSize();
    }

    /**
     * Floats in native memory from a movable address, copied to and from Java arrays. Small copies (a small network
     * copies a dozen arrays of tens to thousands of values per update) go through {@code Unsafe.copyMemory}: 5 ns
     * each, where JavaCPP's {@code FloatPointer.get}/{@code put} cost 35 ns, a JNI call that pins the array and reads
     * the pointer's fields back through JNI. Large ones (a batch of images) through JavaCPP's memcpy, faster there.
     * The Java array's bounds are checked here; the native extent is the callers' to keep within their array's.
     */
    static final class NativeFloats {
        private static final sun.misc.Unsafe UNSAFE = unsafe();
        private static final long FLOATS = UNSAFE.arrayBaseOffset(float[].class);
        /** Up to this many floats a copy goes through Unsafe; measured faster up to about 10,000 here. */
        private static final int UNSAFE_LIMIT = 8192;

        private final long address;
        /** The array whose memory this is: kept reachable until a copy is done, so its memory cannot be freed under it. */
        private final Object owner;

        /** Made for one copy right away, it does not outlive the call (the JIT keeps it off the heap). */
        NativeFloats(long address, Object owner) {
            this.address = address;
            this.owner = owner;
        }

        long address() {
            return address;
        }

        /** Copies {@code length} floats from here into {@code into[offset ...]}. */
        void get(float[] into, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length <= UNSAFE_LIMIT) {
                UNSAFE.copyMemory(null, address, into, FLOATS + 4L * offset, 4L * length);
            } else {
                new MovablePointer().at(address).get(into, offset, length);
            }
            Reference.reachabilityFence(owner);
        }

        /** Copies {@code from[offset ...]}, {@code length} floats, to here. */
        void put(float[] from, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, from.length);
            if (length <= UNSAFE_LIMIT) {
                UNSAFE.copyMemory(from, FLOATS + 4L * offset, null, address, 4L * length);
            } else {
                new MovablePointer().at(address).put(from, offset, length);
            }
            Reference.reachabilityFence(owner);
        }

        private static sun.misc.Unsafe unsafe() {
            try {
                java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                return (sun.misc.Unsafe) field.get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sun.misc.Unsafe is not available", e);
            }
        }
    }

    /** A float pointer that can be moved to any address: JavaCPP reads its address and position on each call. */
    private static final class MovablePointer extends FloatPointer {
        MovablePointer() {
            super((Pointer) null);
        }

        FloatPointer at(long newAddress) {
            address = newAddress;
            position = 0;
            return this;
        }
    }

    private static float[] scratch(int length) {
        float[] values = SCRATCH.get();
        if (values.length < length) {
            values = new float[length];
            SCRATCH.set(values);
        }
        return values;
    }
}
