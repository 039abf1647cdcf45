package lrwb.engine.inspect;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.NetworkShape;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Grad-CAM on tiny networks with fixed weights, the expected maps worked out by hand in each test. */
class GradCamTest {
    /** A 3x3 image, one channel, flattened row by row. */
    private static final float[] IMAGE = {1, 2, 3, 0, -1, 4, 2, 0, 1};

    /**
     * conv 1x1 with two filters (weights 1 and -1, so A0 = x, A1 = -x), global average pooling, softmax output with
     * W = [[2, 0], [0, 1]]: the logits are z0 = 2 mean(A0), z1 = mean(A1), so d z0 / d A0[i,j] = 2/9 and
     * d z0 / d A1[i,j] = 0. Class 0's map is ReLU(2/9 x), divided by its maximum 8/9: x / 4 where x > 0.
     * Class 1's is ReLU(1/9 * (-x)): only the -1 pixel is hot.
     */
    @Test
    void convPoolSoftmaxGivesTheHandComputedMaps() {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(3, 3, 1)).build());
        net.getLayer(0).setParam("W", Nd4j.create(new float[] {1, -1}, new long[] {2, 1, 1, 1}));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        net.getLayer(2).setParam("W", Nd4j.create(new float[][] {{2, 0}, {0, 1}}));
        net.getLayer(2).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        GradCam cam = new GradCam(net, InputLayout.FLAT, NetworkShape.image(1, 3, 3, 2), ConvLayer.choose(net, null));

        List<HeatMap> maps = cam.heatMaps(rows(IMAGE, IMAGE), new int[] {0, 1});

        assertThat(cam.score()).isEqualTo(GradCam.Score.LOGIT);
        assertThat(cam.layer().index()).isZero();
        assertValues(maps.get(0), 0.25f, 0.5f, 0.75f, 0, 0, 1, 0.5f, 0, 0.25f);
        assertValues(maps.get(1), 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    /**
     * conv 2x2 (truncate, stride 1) with two filters: filter 0 reads a window's top-left pixel, filter 1 its
     * bottom-right, so A0 = x[0..1][0..1] = [[1,2],[0,-1]] and A1 = x[1..2][1..2] = [[-1,4],[0,1]]. A dense softmax
     * output reads the flattened maps (channel, row, column); class 0's weights are 1 on each of A0 and
     * [-2, 0, 0, 0] on A1, so alpha0 = 1, alpha1 = -0.5 and the 2x2 map is ReLU(A0 - A1/2) =
     * ReLU([[1.5, 0], [0, -1.5]]) = [[1.5, 0], [0, 0]]. Upsampled to 3x3 with half-pixel centres, the rows and
     * columns read the map at 0, 0.5 and 1: [[1.5, 0.75, 0], [0.75, 0.375, 0], [0, 0, 0]], then divided by 1.5.
     */
    @Test
    void aDenseHeadThroughTheFlatteningPreprocessorGivesTheHandComputedUpsampledMap() {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .convolutionMode(ConvolutionMode.Truncate).list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(3, 3, 1)).build());
        float[] filters = {1, 0, 0, 0, /* filter 1 */ 0, 0, 0, 1};
        net.getLayer(0).setParam("W", Nd4j.create(filters, new long[] {2, 1, 2, 2}));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        float[][] w = new float[8][2];
        for (int p = 0; p < 4; p++) {
            w[p][0] = 1;
        }
        w[4][0] = -2;
        net.getLayer(1).setParam("W", Nd4j.create(w));
        net.getLayer(1).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        GradCam cam = new GradCam(net, InputLayout.FLAT, NetworkShape.image(1, 3, 3, 2), ConvLayer.choose(net, "0"));

        HeatMap map = cam.heatMaps(rows(IMAGE), new int[] {0}).get(0);

        assertValues(map, 1, 0.5f, 0, 0.5f, 0.25f, 0, 0, 0, 0);
    }

    @Test
    void aLayerThatIsNotConvolutionalIsNamedWithTheOnesThatAre() {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(3, 3, 1)).build());

        assertThatThrownBy(() -> ConvLayer.choose(net, "1")).isInstanceOf(InspectException.class)
                .hasMessage("layer 1 (globalpooling) is not convolutional; convolutional layers: 0: conv 1x1, 2 filters");
        assertThatThrownBy(() -> ConvLayer.choose(net, "7")).isInstanceOf(InspectException.class)
                .hasMessage("layer 7: no such layer; the network's layers are 0..2; convolutional layers: 0: conv 1x1, 2 filters");
    }

    private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray rows(float[]... images) {
        return Nd4j.create(images);
    }

    private static void assertValues(HeatMap map, float... expected) {
        float[] values = map.values();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i]).as("pixel %d of %s", i, java.util.Arrays.toString(values)).isCloseTo(expected[i], within(1e-5f));
        }
    }
}
