package lrwb.engine.model.lean;

import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.TinyData;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LeanBatchNorm} (ND4J's native batchnorm / batchnorm_bp) trains as DL4J's stock batch normalisation within
 * float rounding: scores, every parameter including the running mean and variance (both of DL4J's
 * parameterisations), and the inference output that reads the running statistics, in both data formats.
 */
class LeanBatchNormTest {

    @ParameterizedTest
    @CsvSource({"NCHW, true, adam", "NCHW, false, nesterov", "NHWC, true, nesterov", "NHWC, false, adam"})
    void trainsAsStockDl4jWithinRounding(CNN2DFormat format, boolean logStd, String optimizer) {
        IUpdater updater = optimizer.equals("adam") ? new Adam(0.01) : new Nesterovs(0.05, 0.9);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list()
                // No bias before a batch norm (as usual): its gradient is 0 up to rounding, which Adam would turn into
                // full steps of noise in either network.
                .layer(new ConvolutionLayer.Builder(3, 3).convolutionMode(ConvolutionMode.Same).nOut(4).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().decay(0.9).eps(1e-3).useLogStd(logStd)
                        .activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 2, format))
                .build();
        MultiLayerNetwork stock = new MultiLayerNetwork(conf);
        stock.init();
        MultiLayerNetwork lean = LeanLayers.onLeanLayers(stock.clone(), 0, 0);
        assertThat(lean.getLayer(1)).isInstanceOf(LeanBatchNorm.class);
        NetworkShape shape = NetworkShape.image(2, 6, 6, 3);
        for (int i = 0; i < 6; i++) {
            DataSet batch = batch(shape, format, i);
            stock.fit(batch);
            lean.fit(batch);
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stock.score(), within(1e-4 * stock.score()));
        }
        assertClose(lean.params(), stock.params(), "parameters (running statistics included)");
        INDArray features = batch(shape, format, 99).getFeatures();
        assertClose(lean.output(features, false), stock.output(features, false), "inference output");
        assertThat(LeanLayers.stockConfiguration(lean.getLayerWiseConfigurations()).getConf(1).getLayer().getClass())
                .isEqualTo(BatchNormalization.class);
    }

    private static DataSet batch(NetworkShape shape, CNN2DFormat format, long seed) {
        DataSet flat = TinyData.batch(shape, 8, seed);
        int[] chw = shape.imageChannelsHeightWidth();
        INDArray nchw = flat.getFeatures().reshape('c', 8, chw[0], chw[1], chw[2]);
        INDArray features = format == CNN2DFormat.NCHW ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
        return new DataSet(features.castTo(DataType.FLOAT), flat.getLabels());
    }

    private static void assertClose(INDArray actual, INDArray expected, String what) {
        double[] a = actual.ravel().toDoubleVector();
        double[] e = expected.ravel().toDoubleVector();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.length; i++) {
            assertThat(a[i]).as("%s %d of %d", what, i, e.length).isCloseTo(e[i], within(1e-4 + 1e-3 * Math.abs(e[i])));
        }
    }
}
