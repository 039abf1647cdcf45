package lrwb.engine.model.layers;

import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.TinyData;
import lrwb.engine.runtime.EngineTuning;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LayerStackTrainingTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);

    /**
     * Keras' l2(c): the loss gains c·Σw² over the kernels, so one SGD step of rate η moves each kernel weight by
     * an extra -η·2c·w and leaves the biases as they were. Two networks from the same seed, one with l2 and one
     * without, fitted once on the same batch, must differ by exactly that.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void l2HasKerasSemantics(boolean lean) {
        double eta = 0.1;
        double c = 0.05;
        EngineTuning tuning = lean ? EngineTuning.defaults() : null;
        List<LayerSpec> layers = List.of(new LayerSpec.Dense(5, LayerActivation.RELU));
        MultiLayerNetwork plain = LayerStackConfiguration.network(new LayerStack(layers, null, 0), new Sgd(eta), 3, TABULAR, tuning);
        MultiLayerNetwork regularised = LayerStackConfiguration.network(new LayerStack(layers, null, c), new Sgd(eta), 3, TABULAR, tuning);
        Map<String, INDArray> before = copy(plain.paramTable());
        assertThat(regularised.params().toFloatVector()).containsExactly(plain.params().toFloatVector());

        DataSet batch = TinyData.batch(TABULAR, 8, 1);
        plain.fit(batch);
        regularised.fit(batch);

        double sumOfSquares = 0;
        for (String kernel : List.of("0_W", "1_W")) { // the dense layer's and the appended output's
            INDArray w = before.get(kernel);
            sumOfSquares += w.mul(w).sumNumber().doubleValue();
            double[] expected = flat(plain.getParam(kernel).sub(w.mul(eta * 2 * c)));
            double[] actual = flat(regularised.getParam(kernel));
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s[%d]", kernel, i).isCloseTo(expected[i], within(1e-6));
            }
        }
        for (String bias : List.of("0_b", "1_b")) {
            assertThat(regularised.getParam(bias).toFloatVector()).as(bias).containsExactly(plain.getParam(bias).toFloatVector());
        }
        // and the loss the run reports is Keras' loss: the data's plus c·Σw² (of the weights the update started from)
        assertThat(regularised.score() - plain.score()).isCloseTo(c * sumOfSquares, within(1e-6));
    }

    /** LeanDense takes DL4J's own path for activations other than ReLU: lean and stock train alike. */
    @Test
    void leanLayersWithOtherActivationsTrainAsStockOnes() {
        LayerStack stack = new LayerStack(List.of(new LayerSpec.Dense(6, LayerActivation.TANH),
                new LayerSpec.Dense(5, LayerActivation.GELU), new LayerSpec.Dense(3, LayerActivation.SOFTMAX)), null, 0.01);
        MultiLayerNetwork lean = LayerStackConfiguration.network(stack, new Adam(0.01), 4, TABULAR,
                EngineTuning.defaults().withoutJavaArithmetic());
        MultiLayerNetwork stock = LayerStackConfiguration.network(stack, new Adam(0.01), 4, TABULAR, null);
        for (int i = 0; i < 3; i++) {
            DataSet batch = TinyData.batch(TABULAR, 8, i);
            lean.fit(batch);
            stock.fit(batch);
        }
        double[] a = lean.params().toDoubleVector();
        double[] b = stock.params().toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("parameter %d", i).isCloseTo(b[i], within(1e-6));
        }
    }

    @Test
    void aDropoutRateIsTheFractionDropped() {
        MultiLayerConfiguration conf = LayerStackConfiguration.configuration(
                new LayerStack(List.of(new LayerSpec.Dropout(0.25), new LayerSpec.Dense(4, LayerActivation.RELU)), null, 0),
                new Sgd(0.1), 1, TABULAR, null);
        DropoutLayer layer = (DropoutLayer) conf.getConf(0).getLayer();
        assertThat(((Dropout) layer.getIDropout()).getP()).as("DL4J's retain probability").isEqualTo(0.75);
    }

    @Test
    void batchNormIsKerasOnes() {
        MultiLayerConfiguration conf = LayerStackConfiguration.configuration(
                new LayerStack(List.of(new LayerSpec.BatchNorm()), null, 0), new Sgd(0.1), 1, TABULAR, null);
        BatchNormalization layer = (BatchNormalization) conf.getConf(0).getLayer();
        assertThat(layer.getDecay()).isEqualTo(0.99);
        assertThat(layer.getEps()).isEqualTo(1e-3);
        // not the network-wide ReLU default: batch norm only normalises
        assertThat(layer.getActivationFn()).isInstanceOf(ActivationIdentity.class);
    }

    @Test
    void cifarCnnEndsInASoftmaxLossOverItsTenOutputs() {
        MultiLayerConfiguration conf = LayerStackConfiguration.configuration(LayerStack.preset("cifar-cnn").orElseThrow(),
                new Sgd(0.1), 1, NetworkShape.image(3, 32, 32, 10), EngineTuning.defaults());
        assertThat(conf.getConfs()).hasSize(14);
        assertThat(conf.getConf(13).getLayer()).isInstanceOf(LossLayer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "lenet5", "cifar-cnn"})
    void everyPresetTrains(String name) {
        LayerStack preset = LayerStack.preset(name).orElseThrow();
        NetworkShape shape = name.equals("cifar-cnn") ? NetworkShape.image(3, 32, 32, 10) : NetworkShape.image(1, 28, 28, 10);
        MultiLayerNetwork net = LayerStackConfiguration.network(preset, new Adam(1e-3), 7, shape, EngineTuning.defaults());
        DataSet examples = TinyData.batch(shape, 8, 5);
        List<DataSet> batches = examples.batchBy(4);
        double first = net.score(batches.get(0));
        for (DataSet batch : batches) { // cifar-cnn on DL4J's stock convolutions is slow: 2 updates of 4 images
            net.fit(batch);
            assertThat(net.score()).as("score").isFinite();
        }
        assertThat(net.params().isNaN().any()).isFalse();
        if (!name.equals("cifar-cnn")) {
            for (int i = 0; i < 3; i++) {
                net.fit(batches.get(0));
            }
            assertThat(net.score(batches.get(0))).as("loss on a batch it fits").isLessThan(first);
        }
    }

    private static double[] flat(INDArray matrix) {
        return matrix.dup('c').reshape(matrix.length()).toDoubleVector();
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> params) {
        Map<String, INDArray> copy = new java.util.HashMap<>();
        params.forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }
}
