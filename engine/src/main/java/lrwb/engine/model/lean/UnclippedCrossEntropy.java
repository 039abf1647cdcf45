package lrwb.engine.model.lean;

/**
 * What DL4J's clipping takes off a softmax cross-entropy. {@code LossMCXENT} clips every probability to
 * [ε, 1 − ε] (ε = 1e-10) before its log, so no example's loss exceeds −ln ε ≈ 23.03 and a diverging network's
 * loss stalls there (PyTorch's reaches 50–200). The true term of a class is {@code y·(logsumexp(z) − z_c)}, from
 * the pre-activations: exact where the float softmax has underflowed to 0.
 *
 * <p>Only entries whose probability was clipped differ, so only those are computed again: for an update where nothing
 * is clipped the correction is exactly 0 and the unclipped loss equals DL4J's score bit for bit.
 */
final class UnclippedCrossEntropy {
    private UnclippedCrossEntropy() {
    }

    /**
     * Σ over the labelled entries whose probability was clipped of (true term − clipped term).
     *
     * @param z             row-major {@code [rows, classes]} pre-activations (logits)
     * @param probabilities their softmax, unclipped, the same layout
     * @param labels        the labels, the same layout
     * @param clip          DL4J's ε (0: nothing is clipped)
     */
    static double correction(float[] z, float[] probabilities, float[] labels, int rows, int classes, double clip) {
        if (clip <= 0) {
            return 0;
        }
        float low = (float) clip;
        float high = 1f - low;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            double lse = Double.NaN; // computed for the row once, if any of its entries was clipped
            for (int c = from; c < from + classes; c++) {
                float p = probabilities[c];
                if (labels[c] == 0 || (p >= low && p <= high)) {
                    continue;
                }
                if (Double.isNaN(lse)) {
                    lse = logSumExp(z, from, classes);
                }
                double clipped = -Math.log(Math.min(Math.max(p, low), high));
                sum += labels[c] * ((lse - z[c]) - clipped);
            }
        }
        return sum;
    }

    /** log Σ exp(z), the largest value taken out first so nothing overflows. */
    static double logSumExp(float[] z, int from, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = from; c < from + length; c++) {
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = from; c < from + length; c++) {
            sum += Math.exp(z[c] - max);
        }
        return max + Math.log(sum);
    }
}
