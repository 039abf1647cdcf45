package lrwb.engine.model.lean;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java loops' ReLU is ND4J's, value for value, edge cases included: a NaN must stay NaN for divergence to show. */
class SmallProductsTest {

    @Test
    void reluEqualsNd4jsBitForBitOnEveryKindOfValue() {
        float[] values = {Float.NaN, -0f, 0f, -1f, 2.5f, -Float.MIN_VALUE, Float.MIN_VALUE, Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY, -3e38f};
        INDArray nd4j = new ActivationReLU().getActivation(Nd4j.createFromArray(values).castTo(DataType.FLOAT), true);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(lrwb.engine.runtime.RowProducts.relu(values[i]))).as("relu(%s)", values[i])
                    .isEqualTo(Float.floatToRawIntBits(nd4j.getFloat(i)));
        }
    }
}
