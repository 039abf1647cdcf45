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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class RunningAccuracyTest {
    /** As cifar-cnn ends: a 1×1 convolution to the classes, an average over the map, softmax (a loss layer, no dense). */
    private static final String SOFTMAX_OVER_A_MAP = """
            {"layers":[{"type":"conv2d","filters":5,"kernel":3},{"type":"conv2d","filters":4,"kernel":1},
                       {"type":"globalAvgPool"},{"type":"activation","activation":"softmax"}]}""";

    /** The count equals what the network predicted for each batch just before fitting it. */
    @ParameterizedTest
    @ValueSource(strings = {"mlp:16", "mlp:8,6", "cnn", "mlp:900", SOFTMAX_OVER_A_MAP})
    void countsThePredictionsOfEachUpdatesOwnForwardPass(String model) {
        NetworkShape shape = model.startsWith("mlp") ? NetworkShape.tabular(6, 4) : NetworkShape.image(1, 8, 8, 4);
        MultiLayerNetwork net = Networks.build(ModelSpec.parse(model), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.3), shape, 3, EngineTuning.defaults());
        RunningAccuracy accuracy = new RunningAccuracy(Network.of(net));
        Random random = new Random(5);
        long correct = 0;
        long seen = 0;
        for (int i = 0; i < 12; i++) {
            DataSet batch = batch(shape, 10 + i, random);
            int[] predicted = HostCopy.argMaxOfRows(net.output(batch.getFeatures(), false));
            int[] actual = HostCopy.argMaxOfRows(batch.getLabels());
            for (int r = 0; r < predicted.length; r++) {
                correct += predicted[r] == actual[r] ? 1 : 0;
            }
            seen += predicted.length;
            accuracy.expect(batch.getLabels());
            net.fit(batch);
        }
        assertThat(correct).as("the network learned something, so the count is not trivially 0").isPositive();
        assertThat(accuracy.takeEpoch()).isCloseTo((double) correct / seen, offset(1e-12));
        assertThat(accuracy.takeEpoch()).as("a new epoch starts from zero").isNaN();
    }

    @Test
    void aNetworkWithoutTheLeanOutputLayerOrAnUpdateWithoutLabelsGivesNaN() {
        NetworkShape shape = NetworkShape.tabular(6, 4);
        Random random = new Random(5);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.parse("mlp:8"), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.3), shape, 3);
        RunningAccuracy unreadable = new RunningAccuracy(Network.of(stock));
        DataSet batch = batch(shape, 10, random);
        unreadable.expect(batch.getLabels());
        stock.fit(batch);
        assertThat(unreadable.takeEpoch()).isNaN();

        MultiLayerNetwork lean = Networks.build(ModelSpec.parse("mlp:8"), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.3), shape, 3, EngineTuning.defaults());
        RunningAccuracy accuracy = new RunningAccuracy(Network.of(lean));
        accuracy.expect(batch.getLabels());
        lean.fit(batch);
        lean.fit(batch(shape, 10, random)); // nobody said what to expect
        assertThat(accuracy.takeEpoch()).isNaN();
        accuracy.expect(batch.getLabels());
        lean.fit(batch);
        assertThat(accuracy.takeEpoch()).as("the next epoch counts again").isBetween(0.0, 1.0);
        accuracy.expect(batch.getLabels()); // an update its output layer never told about
        accuracy.expect(batch.getLabels());
        lean.fit(batch);
        assertThat(accuracy.takeEpoch()).as("an uncounted update: not a count of the rest").isNaN();
    }

    private static DataSet batch(NetworkShape shape, int rows, Random random) {
        INDArray features = Nd4j.create(rows, shape.numFeatures());
        INDArray labels = Nd4j.create(rows, shape.numClasses());
        for (int r = 0; r < rows; r++) {
            int label = random.nextInt(shape.numClasses());
            for (int f = 0; f < shape.numFeatures(); f++) {
                features.putScalar(r, f, random.nextGaussian() + (f % shape.numClasses() == label ? 1.5 : 0));
            }
            labels.putScalar(r, label, 1);
        }
        return new DataSet(features, labels);
    }
}
