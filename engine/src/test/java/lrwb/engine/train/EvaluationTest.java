package lrwb.engine.train;

import lrwb.engine.model.Network;

import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.runtime.HostCopy;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class EvaluationTest {

    /** Agrees with the cross-entropy and accuracy computed by ND4J operations on the whole output at once. */
    @Test
    void matchesTheCrossEntropyAndAccuracyOfTheSoftmaxOutput() {
        NetworkShape shape = NetworkShape.tabular(5, 3);
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(7), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                shape, 11, EngineTuning.defaults());
        int n = 5000; // more than one chunk
        INDArray features = Nd4j.rand(DataType.FLOAT, n, 5).subi(0.5).muli(4);
        assertMatchesOnePass(net, features);
    }

    /** A convolutional network is evaluated 256 images at a time: the same figures as one pass over all of them. */
    @Test
    void aConvolutionalNetworkInChunksMatchesOnePassOverTheWholeSplit() {
        NetworkShape shape = NetworkShape.image(1, 8, 8, 3);
        MultiLayerNetwork net = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                shape, 11, EngineTuning.defaults());
        int n = 600; // chunks of 256, 256 and 88
        INDArray features = Nd4j.rand(DataType.FLOAT, n, 64);
        assertMatchesOnePass(net, features);
    }

    /** A split small enough for the Java forward pass gives DL4J's figures, for lean and stock networks alike. */
    @Test
    void javaForwardPassOfASmallMlpAgreesWithDl4jOutput() {
        NetworkShape shape = NetworkShape.tabular(4, 3);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {
                Networks.build(ModelSpec.mlp(16, 5), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1), shape, 2, EngineTuning.defaults()),
                Networks.buildWithStockLayers(ModelSpec.mlp(9), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1), shape, 3)}) {
            INDArray features = Nd4j.rand(DataType.FLOAT, 30, 4).subi(0.5).muli(6);
            INDArray labels = Nd4j.create(DataType.FLOAT, 30, 3);
            for (int i = 0; i < 30; i++) {
                labels.putScalar(i, (i * 5) % 3, 1);
            }
            DataSet split = new DataSet(features, labels);
            for (int i = 0; i < 20; i++) {
                net.fit(split); // trained, so the ReLUs cut and the classes differ
            }
            JavaMlpForward java = JavaMlpForward.of(net, Long.MAX_VALUE).orElseThrow();
            float[] p = java.probabilities(HostCopy.rowMajor(features), 30);
            float[] expected = HostCopy.rowMajor(net.output(features, false));
            for (int i = 0; i < expected.length; i++) {
                assertThat(p[i]).isCloseTo(expected[i], offset(1e-6f));
            }
            Evaluation inJava = Evaluation.of(Network.of(net), split, true);
            Evaluation byDl4j = Evaluation.of(Network.of(net), split, false);
            assertThat(inJava.loss()).isCloseTo(byDl4j.loss(), offset(1e-6 * byDl4j.loss()));
            assertThat(inJava.accuracy()).isEqualTo(byDl4j.accuracy());
        }
    }

    @Test
    void javaForwardPassIsOnlyForSmallMlps() {
        MultiLayerNetwork cnn = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.image(1, 8, 8, 3), 1, EngineTuning.defaults());
        assertThat(JavaMlpForward.of(cnn, Long.MAX_VALUE)).isEmpty();
        MultiLayerNetwork mlp = Networks.build(ModelSpec.mlp(16), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(4, 3), 1, EngineTuning.defaults());
        assertThat(JavaMlpForward.of(mlp, 4 * 16 + 16 * 3)).isPresent();
        assertThat(JavaMlpForward.of(mlp, 4 * 16 + 16 * 3 - 1)).isEmpty();
    }

    @Test
    void anEmptySplitHasNoFigures() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(3), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(2, 2), 1, EngineTuning.defaults());
        Evaluation e = Evaluation.of(Network.of(net), new DataSet(Nd4j.create(DataType.FLOAT, 0, 2), Nd4j.create(DataType.FLOAT, 0, 2)));
        assertThat(e.loss()).isNaN();
        assertThat(e.accuracy()).isNaN();
    }

    /** Evaluation's figures against the cross-entropy and accuracy of one output over all rows, labels 0, 1, 2, 0, ... spread. */
    private static void assertMatchesOnePass(MultiLayerNetwork net, INDArray features) {
        int n = (int) features.size(0);
        INDArray labels = Nd4j.create(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, (i * 7) % 3, 1);
        }
        Evaluation e = Evaluation.of(Network.of(net), new DataSet(features, labels));

        INDArray out = net.output(features, false);
        double loss = -Transforms.log(Transforms.max(out, 1e-10, true), false).muli(labels).sumNumber().doubleValue() / n;
        double accuracy = out.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT).sumNumber().doubleValue() / n;
        assertThat(e.loss()).isCloseTo(loss, offset(1e-5 * loss));
        assertThat(e.accuracy()).isEqualTo(accuracy);
    }
}
