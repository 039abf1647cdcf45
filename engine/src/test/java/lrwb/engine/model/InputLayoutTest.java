package lrwb.engine.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputLayoutTest {
    /** 2 examples of 2 channels × 2 × 3 pixels; value = 100·example + 10·channel + position in the channel. */
    private static final NetworkShape IMAGES = NetworkShape.image(2, 2, 3, 4);

    private static INDArray rows() {
        float[][] rows = new float[2][12];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 2; c++) {
                for (int p = 0; p < 6; p++) {
                    rows[b][c * 6 + p] = 100 * b + 10 * c + p;
                }
            }
        }
        return Nd4j.create(rows);
    }

    @Test
    void flatKeepsTheRows() {
        INDArray rows = rows();
        assertThat(InputLayout.FLAT.adapt(rows, IMAGES)).isSameAs(rows);
    }

    @Test
    void nchwAndNhwcHoldTheSamePixelsInTheirOrder() {
        INDArray nchw = InputLayout.NCHW.adapt(rows(), IMAGES);
        INDArray nhwc = InputLayout.NHWC.adapt(rows(), IMAGES);
        assertThat(nchw.shape()).containsExactly(2, 2, 2, 3);
        assertThat(nhwc.shape()).containsExactly(2, 2, 3, 2);
        assertThat(nhwc.ordering()).isEqualTo('c');
        assertThat(nhwc.isView()).isFalse();
        // example 1, row 1, column 2 of channel 1 is position 5 of that channel
        assertThat(nchw.getFloat(1, 1, 1, 2)).isEqualTo(115f);
        assertThat(nhwc.getFloat(1, 1, 2, 1)).isEqualTo(115f);
        // channels are adjacent in memory in NHWC: the first pixel of channel 0, then of channel 1
        assertThat(nhwc.data().asFloat()).startsWith(0f, 10f, 1f, 11f);
    }

    @Test
    void imageLayoutsNeedImageData() {
        assertThatThrownBy(() -> InputLayout.NHWC.adapt(Nd4j.zeros(2, 4), NetworkShape.tabular(4, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
