package lrwb.engine.runtime;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies of small native matrices into Java arrays, read straight from native memory: no ND4J operation runs,
 * so reading a batch's worth of numbers costs a memory copy, not an operation's fixed overhead.
 */
public final class HostCopy {
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
        FloatPointer first = (FloatPointer) matrix.data().addressPointer();
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
        ((FloatPointer) vector.data().addressPointer()).get(span, 0, span.length);
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
            ((FloatPointer) into.data().addressPointer()).put(values, 0, values.length); // row-major, as given
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
            ((FloatPointer) into.data().addressPointer()).put(columnMajor, 0, columnMajor.length);
        } else if (into.dataType() == DataType.FLOAT && into.rank() == 1 && into.stride(0) == 1) {
            ((FloatPointer) into.data().addressPointer()).put(values, 0, values.length);
        } else {
            into.assign(org.nd4j.linalg.factory.Nd4j.create(values, into.shape(), 'c'));
        }
    }
}
