package lrwb.engine.runtime;

/**
 * The softmax of one row of a row-major float matrix, in Java, with float arithmetic as ND4J's: the largest
 * value subtracted first (so no exp overflows), one float sum, one division per value. A NaN anywhere in the row
 * makes the whole row NaN, as it does in ND4J, so a diverging network is noticed.
 */
public final class RowSoftmax {
    private RowSoftmax() {
    }

    /** Replaces {@code values[from .. from + length)} with their softmax. */
    public static void inPlace(float[] values, int from, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = from; c < from + length; c++) {
            max = Float.isNaN(values[c]) || Float.isNaN(max) ? Float.NaN : Math.max(max, values[c]);
        }
        float sum = 0;
        for (int c = from; c < from + length; c++) {
            values[c] = (float) Math.exp(values[c] - max);
            sum += values[c];
        }
        for (int c = from; c < from + length; c++) {
            values[c] /= sum;
        }
    }
}
