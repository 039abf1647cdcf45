package lrwb.engine.runtime;

import java.util.Arrays;

/**
 * A dense layer's products on Java arrays of rows, for layers so small that ND4J's fixed cost per operation is most of
 * the work: the lean layers' training products and the Java training step ({@code engine/model/lean}), and the Java
 * validation pass ({@code engine/train}). Matrices are arrays of rows: {@code x} {@code [rows][in]}, {@code w}
 * {@code [in][out]}, {@code delta} (dL/dz) {@code [rows][out]}. Sums run in float, each in the order of a plain loop
 * (bias last, as DL4J adds it after its product), so results equal ND4J's within float rounding.
 */
public final class RowProducts {
    private RowProducts() {
    }

    /** {@code z = x·W + b}, or {@code relu(x·W + b)}, into {@code z} ({@code [rows][out]}, overwritten). */
    public static void linear(float[][] x, float[][] w, float[] b, boolean relu, float[][] z) {
        int in = w.length;
        for (int r = 0; r < z.length; r++) {
            float[] zr = z[r];
            float[] xr = x[r];
            Arrays.fill(zr, 0f);
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                addScaled4(zr, xr[i], w[i], xr[i + 1], w[i + 1], xr[i + 2], w[i + 2], xr[i + 3], w[i + 3]);
            }
            for (; i < in; i++) {
                addScaled(zr, xr[i], w[i]);
            }
            for (int j = 0; j < zr.length; j++) {
                zr[j] += b[j];
            }
            if (relu) {
                for (int j = 0; j < zr.length; j++) {
                    zr[j] = relu(zr[j]);
                }
            }
        }
    }

    /** The weights' gradient {@code xᵀ·delta} into {@code dw} ({@code [in][out]}, overwritten). */
    public static void weightGradient(float[][] x, float[][] delta, float[][] dw) {
        for (float[] row : dw) {
            Arrays.fill(row, 0f);
        }
        int rows = delta.length;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            float[] x0 = x[r];
            float[] x1 = x[r + 1];
            float[] x2 = x[r + 2];
            float[] x3 = x[r + 3];
            for (int i = 0; i < dw.length; i++) {
                addScaled4(dw[i], x0[i], delta[r], x1[i], delta[r + 1], x2[i], delta[r + 2], x3[i], delta[r + 3]);
            }
        }
        for (; r < rows; r++) {
            float[] xr = x[r];
            for (int i = 0; i < dw.length; i++) {
                addScaled(dw[i], xr[i], delta[r]);
            }
        }
    }

    /** The bias' gradient, {@code delta}'s column sums, into {@code db} (overwritten). */
    public static void biasGradient(float[][] delta, float[] db) {
        Arrays.fill(db, 0f);
        for (float[] dr : delta) {
            for (int j = 0; j < db.length; j++) {
                db[j] += dr[j];
            }
        }
    }

    /**
     * The input's gradient {@code delta·Wᵀ} into {@code dx} ({@code [rows][in]}, overwritten), through {@code wT}
     * ({@code [out][in]}, overwritten with {@code Wᵀ}): row updates over Wᵀ's rows, so each {@code dx[r][i]} sums its
     * terms from 0 in the order j = 0, 1, ..., as a dot product per element would, to the same float result.
     */
    public static void inputGradient(float[][] delta, float[][] w, float[][] wT, float[][] dx) {
        for (int i = 0; i < w.length; i++) {
            float[] wi = w[i];
            for (int j = 0; j < wi.length; j++) {
                wT[j][i] = wi[j];
            }
        }
        for (int r = 0; r < delta.length; r++) {
            float[] dr = delta[r];
            float[] dxr = dx[r];
            Arrays.fill(dxr, 0f);
            int out = dr.length;
            int j = 0;
            for (; j + 4 <= out; j += 4) {
                addScaled4(dxr, dr[j], wT[j], dr[j + 1], wT[j + 1], dr[j + 2], wT[j + 2], dr[j + 3], wT[j + 3]);
            }
            for (; j < out; j++) {
                addScaled(dxr, dr[j], wT[j]);
            }
        }
    }

    /**
     * ND4J's ReLU ({@code RectifiedLinear} with threshold 0) on one value: 0 where {@code z < 0}, {@code z} itself
     * otherwise — so NaN stays NaN (a diverging network's loss must still read NaN) and -0 stays -0.
     */
    public static float relu(float z) {
        return z < 0 ? 0f : z;
    }

    /**
     * {@code y += a·x} over {@code y}'s length, element by element. Every product here is built from this loop, row
     * against row at the same index: the JIT turns that into vector instructions, which it does not for offsets into
     * flat arrays (it cannot rule out that two of them are one array, overlapping): 2–4× the speed at these sizes.
     */
    private static void addScaled(float[] y, float a, float[] x) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * Four {@link #addScaled} in a row, {@code y += a0·x0}, then {@code a1·x1}, {@code a2·x2}, {@code a3·x3}: each
     * {@code y[j]} gets the same four additions in the same order, so the same float result, but is loaded and stored
     * once instead of four times — the products are bound by those loads and stores (1.5–2× faster at these sizes).
     */
    private static void addScaled4(float[] y, float a0, float[] x0, float a1, float[] x1, float a2, float[] x2,
                                   float a3, float[] x3) {
        for (int j = 0; j < y.length; j++) {
            y[j] = y[j] + a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
        }
    }
}
