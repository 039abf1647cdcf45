package lrwb.engine.inspect;

import lrwb.engine.model.Network;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The decision boundary of a softmax layer with fixed weights: logits (x, y), so p0 = 1 / (1 + e^(y - x)). */
class DecisionBoundaryTest {
    @Test
    void cellCentresGoThroughTheNetworkRowZeroAtTheTop() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.create(new float[][] {{1, 0}, {0, 1}}));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        PlaneExtent extent = new PlaneExtent(-2, 2, -2, 2);

        DecisionBoundary b = DecisionBoundary.of(Network.of(net), extent, 4);

        // cell centres at -1.5, -0.5, 0.5, 1.5; row 0 is y = 1.5
        assertThat(b.probability(0, 0, 0)).isCloseTo((float) (1 / (1 + Math.exp(1.5 - -1.5))), within(1e-6f));
        assertThat(b.probability(3, 3, 0)).isCloseTo((float) (1 / (1 + Math.exp(-1.5 - 1.5))), within(1e-6f));
        assertThat(b.probability(1, 2, 0)).isCloseTo((float) (1 / (1 + Math.exp(0.5 - 0.5))), within(1e-6f));
        assertThat(b.predictedClass(0, 0)).isEqualTo(1); // x = -1.5 < y = 1.5
        assertThat(b.predictedClass(3, 3)).isEqualTo(0);
    }

    @Test
    void theExtentHoldsEveryPointWithATenPercentMargin() {
        DataSet points = new DataSet(Nd4j.create(new float[][] {{0, 10}, {4, 20}}), Nd4j.create(new float[][] {{1, 0}, {0, 1}}));

        PlaneExtent e = PlaneExtent.around(points);

        assertThat(e.xMin()).isCloseTo(-0.4, within(1e-6));
        assertThat(e.xMax()).isCloseTo(4.4, within(1e-6));
        assertThat(e.yMin()).isCloseTo(9, within(1e-6));
        assertThat(e.yMax()).isCloseTo(21, within(1e-6));
    }
}
