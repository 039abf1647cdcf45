package lrwb.engine.model.lean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnclippedCrossEntropyTest {
    private static final double CLIP = 1e-10;
    /** The clipped loss as DL4J computes it: the float probability array holds ε as a float. */
    private static final double CLIPPED_LOSS = -Math.log((float) CLIP);

    @Test
    void aClippedLabelGetsItsLogSumExpLoss() {
        // logits (0, 50, 0), label class 0: p = 1/(2 + e^50) ≈ 1.9e-22 is clipped to 1e-10 (loss 23.03);
        // the true loss is logsumexp − z0 = 50 + ln(1 + 2e^-50) = 50.000000000000000000004 ≈ 50
        float[] z = {0, 50, 0};
        float[] p = {(float) (1 / (2 + Math.exp(50))), (float) (Math.exp(50) / (2 + Math.exp(50))), (float) (1 / (2 + Math.exp(50)))};
        float[] y = {1, 0, 0};
        double correction = UnclippedCrossEntropy.correction(z, p, y, 1, 3, CLIP);
        assertThat(CLIPPED_LOSS + correction).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void aLabelProbabilityThatUnderflowedToZeroStillGetsItsLoss() {
        // logits (0, 200): the float softmax of class 0 is exactly 0, the true loss 200 (PyTorch's log_softmax says so too)
        float[] z = {0, 200};
        float[] p = {0f, 1f};
        float[] y = {1, 0};
        assertThat(CLIPPED_LOSS + UnclippedCrossEntropy.correction(z, p, y, 1, 2, CLIP)).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void nothingClippedMeansNoCorrectionAtAll() {
        float[] z = {1, 2, 3, 0.5f, 0.1f, -1};
        float[] p = new float[6];
        for (int r = 0; r < 2; r++) {
            double lse = UnclippedCrossEntropy.logSumExp(z, r * 3, 3);
            for (int c = 0; c < 3; c++) {
                p[r * 3 + c] = (float) Math.exp(z[r * 3 + c] - lse);
            }
        }
        float[] y = {0, 0, 1, 1, 0, 0};
        assertThat(UnclippedCrossEntropy.correction(z, p, y, 2, 3, CLIP)).isZero();
    }

    @Test
    void onlyTheClippedRowOfABatchIsCorrected() {
        // row 0 is fine (p = 0.5), row 1 is clipped; soft labels weigh the terms
        float[] z = {0, 0, 0, 40};
        float[] p = {0.5f, 0.5f, (float) Math.exp(-40), 1f};
        float[] y = {1, 0, 0.5f, 0.5f};
        double expected = 0.5 * ((40 + Math.log1p(Math.exp(-40))) - CLIPPED_LOSS)   // class 0 of row 1
                + 0.5 * (Math.log1p(Math.exp(-40)) - (-Math.log(1 - (double) (float) CLIP))); // class 1, clipped at 1 − ε
        assertThat(UnclippedCrossEntropy.correction(z, p, y, 2, 2, CLIP)).isCloseTo(expected, within(1e-6));
    }
}
