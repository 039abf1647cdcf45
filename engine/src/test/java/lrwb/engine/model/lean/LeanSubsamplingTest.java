package lrwb.engine.model.lean;

import lrwb.engine.runtime.NativeSettings;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LeanSubsampling} pools as DL4J's stock {@link SubsamplingLayer}: max pooling bit for bit (a maximum is
 * selected, and the gradient routed to it), average pooling within float rounding, in both layouts and every padding
 * mode; padded averages keep DL4J's path.
 */
class LeanSubsamplingTest {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    static Stream<SubsamplingLayer.Builder> poolForms() {
        return Stream.of(
                max(2).stride(2, 2).convolutionMode(ConvolutionMode.Same),
                max(3).stride(2, 2).convolutionMode(ConvolutionMode.Same), // padding after only
                max(3).stride(1, 1).convolutionMode(ConvolutionMode.Truncate).padding(1, 1),
                max(2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate), // 13: the last row and column dropped
                max(2).stride(1, 1).convolutionMode(ConvolutionMode.Strict).dataFormat(CNN2DFormat.NHWC),
                max(3).stride(2, 2).convolutionMode(ConvolutionMode.Same).dataFormat(CNN2DFormat.NHWC),
                avg(2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate),
                avg(3).stride(1, 1).convolutionMode(ConvolutionMode.Strict).dataFormat(CNN2DFormat.NHWC));
    }

    @ParameterizedTest
    @MethodSource("poolForms")
    void poolsAndRoutesTheGradientAsStockDl4j(SubsamplingLayer.Builder form) {
        SubsamplingLayer conf = form.build();
        boolean max = conf.getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.MAX;
        Layer[] layers = stockAndLean(conf);
        INDArray input = input(conf.getCnn2dDataFormat(), 1);
        INDArray stockOut = activate(layers[0], input);
        INDArray leanOut = activate(layers[1], input);
        assertThat(leanOut.shape()).isEqualTo(stockOut.shape());
        assertSame(leanOut, stockOut, max ? 0 : 1e-6, "output");

        INDArray epsilon = Nd4j.rand(DataType.FLOAT, stockOut.shape()).subi(0.5);
        INDArray stockGradient = layers[0].backpropGradient(epsilon.dup(), NO_WORKSPACES).getSecond();
        INDArray leanGradient = layers[1].backpropGradient(epsilon.dup(), NO_WORKSPACES).getSecond();
        assertSame(leanGradient, stockGradient, max ? 0 : 1e-6, "input gradient");
        assertThat(((LeanSubsampling) layers[1]).ranOnOneDnn()).isEqualTo(OneDnn.available());
    }

    @Test
    void aPaddedAverageKeepsDl4jsPath() {
        SubsamplingLayer conf = avg(3).stride(2, 2).convolutionMode(ConvolutionMode.Same).build();
        Layer[] layers = stockAndLean(conf);
        INDArray input = input(CNN2DFormat.NCHW, 2);
        assertSame(activate(layers[1], input), activate(layers[0], input), 0, "output");
        assertThat(((LeanSubsampling) layers[1]).ranOnOneDnn()).isFalse();
    }

    /** A backward pass after an inference pass (no maxima kept) takes DL4J's path and is still right. */
    @Test
    void aBackwardPassAfterAnInferencePassSearchesAgain() {
        SubsamplingLayer conf = max(2).stride(2, 2).build();
        Layer[] layers = stockAndLean(conf);
        INDArray input = input(CNN2DFormat.NCHW, 3);
        for (Layer layer : layers) {
            layer.setInput(input, NO_WORKSPACES);
            layer.activate(false, NO_WORKSPACES);
        }
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6);
        assertSame(layers[1].backpropGradient(epsilon.dup(), NO_WORKSPACES).getSecond(),
                layers[0].backpropGradient(epsilon.dup(), NO_WORKSPACES).getSecond(), 0, "input gradient");
    }

    /** The stock runtime layer and the lean one, each in a network of its own (pooling, then a softmax output). */
    private static Layer[] stockAndLean(SubsamplingLayer conf) {
        NativeSettings.apply();
        MultiLayerConfiguration network = new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.1)).list()
                .layer(conf.clone())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(13, 13, 3, conf.getCnn2dDataFormat()))
                .build();
        MultiLayerNetwork stock = new MultiLayerNetwork(network);
        stock.init();
        MultiLayerNetwork lean = LeanLayers.onLeanLayers(stock, 0, 0);
        assertThat(lean.getLayer(0)).isInstanceOf(LeanSubsampling.class);
        assertThat(LeanLayers.stockConfiguration(lean.getLayerWiseConfigurations()).getConf(0).getLayer().getClass())
                .isEqualTo(SubsamplingLayer.class);
        return new Layer[] {stock.getLayer(0), lean.getLayer(0)};
    }

    private static INDArray activate(Layer layer, INDArray input) {
        layer.setInput(input, NO_WORKSPACES);
        return layer.activate(true, NO_WORKSPACES).dup();
    }

    /** Two images of 13×13×3 with ties (values on a coarse grid), in the layer's layout. */
    private static INDArray input(CNN2DFormat format, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray nchw = Nd4j.rand(DataType.FLOAT, 2, 3, 13, 13).muli(8);
        nchw = org.nd4j.linalg.ops.transforms.Transforms.floor(nchw, false);
        return format == CNN2DFormat.NCHW ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
    }

    private static void assertSame(INDArray actual, INDArray expected, double tolerance, String what) {
        float[] a = actual.dup('c').data().asFloat();
        float[] e = expected.dup('c').data().asFloat();
        assertThat(a.length).isEqualTo(e.length);
        for (int i = 0; i < e.length; i++) {
            if (tolerance == 0) {
                assertThat(a[i]).as("%s %d of %d", what, i, e.length).isEqualTo(e[i]);
            } else {
                assertThat(a[i]).as("%s %d of %d", what, i, e.length).isCloseTo(e[i], within((float) tolerance));
            }
        }
    }

    private static SubsamplingLayer.Builder max(int kernel) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(kernel, kernel);
    }

    private static SubsamplingLayer.Builder avg(int kernel) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(kernel, kernel)
                .avgPoolIncludePadInDivisor(false);
    }
}
