package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanMaxPooling} gives ND4J's {@code maxpool2d} and {@code maxpool2d_bp} values bit for bit — ties, NaN, ±∞ and
 * -Float.MAX_VALUE included — and the forms it does not cover (average pooling, overlapping windows, padding, NHWC,
 * sizes with a remainder) still do, through DL4J's own path.
 */
class LeanMaxPoolingTest {
    private static final float[] SPECIAL = {-1f, 0f, 1f, 2f, 2f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
            -Float.MAX_VALUE, -0f};

    static Stream<Object[]> forms() {
        return Stream.of(
                new Object[] {"max 2x2, the cnn preset's", pool(SubsamplingLayer.PoolingType.MAX, 2, 2), new long[] {4, 3, 8, 12}},
                new Object[] {"max 3x3 stride 3, Same", pool(SubsamplingLayer.PoolingType.MAX, 3, 3).convolutionMode(ConvolutionMode.Same),
                        new long[] {2, 2, 9, 6}},
                new Object[] {"max 2x2 stride 1 (overlapping: DL4J's path)", pool(SubsamplingLayer.PoolingType.MAX, 2, 1), new long[] {2, 2, 6, 6}},
                new Object[] {"max 2x2 with a remainder (DL4J's path)", pool(SubsamplingLayer.PoolingType.MAX, 2, 2), new long[] {2, 2, 7, 6}},
                new Object[] {"max 2x2 padded (DL4J's path)", pool(SubsamplingLayer.PoolingType.MAX, 2, 2).padding(1, 1), new long[] {2, 2, 6, 6}},
                new Object[] {"max 2x2 NHWC (DL4J's path)", pool(SubsamplingLayer.PoolingType.MAX, 2, 2).dataFormat(CNN2DFormat.NHWC),
                        new long[] {2, 6, 6, 3}},
                new Object[] {"average 2x2 (DL4J's path)", pool(SubsamplingLayer.PoolingType.AVG, 2, 2), new long[] {2, 2, 6, 6}});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void forwardAndBackwardEqualDl4jsBitForBit(String name, SubsamplingLayer.Builder form, long[] shape) {
        SubsamplingLayer stockConf = form.build();
        Layer stock = instantiate(stockConf);
        Layer lean = instantiate(LeanLayers.pooling(form.build()));
        assertThat(lean).isInstanceOf(LeanMaxPooling.class);
        Random random = new Random(name.hashCode());
        for (int round = 0; round < 3; round++) {
            INDArray x = values(shape, random, round > 0);
            INDArray stockOut = forward(stock, x);
            INDArray leanOut = forward(lean, x);
            assertSameBits(leanOut, stockOut, "output of " + name);
            assertThat(((LeanMaxPooling) lean).lastPassInJava()).as("in Java").isEqualTo(!name.contains("DL4J's path"));
            INDArray epsilon = values(stockOut.shape(), random, false);
            Pair<Gradient, INDArray> stockGrad = stock.backpropGradient(epsilon.dup(), LayerWorkspaceMgr.noWorkspaces());
            Pair<Gradient, INDArray> leanGrad = lean.backpropGradient(epsilon.dup(), LayerWorkspaceMgr.noWorkspaces());
            assertSameBits(leanGrad.getSecond(), stockGrad.getSecond(), "input gradient of " + name);
            assertThat(leanGrad.getFirst().gradientForVariable()).isEmpty();
        }
    }

    private static SubsamplingLayer.Builder pool(SubsamplingLayer.PoolingType type, int kernel, int stride) {
        return new SubsamplingLayer.Builder(type).kernelSize(kernel, kernel).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Truncate);
    }

    private static Layer instantiate(SubsamplingLayer conf) {
        NeuralNetConfiguration nn = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(conf).build();
        return conf.instantiate(nn, List.of(), 0, null, true, DataType.FLOAT);
    }

    private static INDArray forward(Layer layer, INDArray x) {
        layer.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        return layer.activate(true, LayerWorkspaceMgr.noWorkspaces()).dup();
    }

    /** Random values; with {@code special}, drawn from ties, NaN, ±∞, -0 and -Float.MAX_VALUE. */
    private static INDArray values(long[] shape, Random random, boolean special) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = special ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape('c', shape).castTo(DataType.FLOAT);
    }

    private static void assertSameBits(INDArray actual, INDArray expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        float[] a = actual.dup('c').reshape(actual.length()).toFloatVector();
        float[] e = expected.dup('c').reshape(expected.length()).toFloatVector();
        for (int i = 0; i < a.length; i++) {
            assertThat(Float.floatToRawIntBits(a[i])).as("%s [%d]: %s against %s", what, i, a[i], e[i])
                    .isEqualTo(Float.floatToRawIntBits(e[i]));
        }
    }
}
