package lrwb.engine.schedule;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Dl4jScheduleTest {
    private static final FormulaSchedule CYCLIC = new CyclicSchedule(0.01, 0.05, 3);

    @Test
    void valueAtIsOurFormula() {
        Dl4jSchedule schedule = new Dl4jSchedule(CYCLIC, 4);
        for (int i = 0; i < 20; i++) {
            assertThat(schedule.valueAt(i, i / 4)).isEqualTo(CYCLIC.lrAtIteration(i, 4));
        }
    }

    @Test
    void epochUnitCountsBatchesPerEpoch() {
        FormulaSchedule perEpoch = new StepSchedule(0.1, 1, 0.5, Unit.EPOCH);
        Dl4jSchedule schedule = new Dl4jSchedule(perEpoch, 5);
        assertThat(schedule.valueAt(4, 0)).isEqualTo(0.1);
        assertThat(schedule.valueAt(5, 1)).isEqualTo(0.05);
        assertThat(schedule.valueAt(10, 2)).isEqualTo(0.025);
    }

    @Test
    void survivesDl4jConfigurationJsonAndClone() {
        MultiLayerConfiguration conf = tinyNet(new Dl4jSchedule(CYCLIC, 7));
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertThat(back).isEqualTo(conf);
        assertThat(back.clone()).isEqualTo(conf);
    }

    @Test
    void drivesTheLearningRateOfEveryUpdate() {
        MultiLayerNetwork net = new MultiLayerNetwork(tinyNet(new Dl4jSchedule(CYCLIC, 1)));
        net.init();
        DataSet batch = new DataSet(Nd4j.rand(8, 2), Nd4j.eye(2).repeat(0, 4).reshape(8, 2));
        List<Double> used = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            used.add(net.getLearningRate(0));
            expected.add(CYCLIC.lrAtIteration(i, 1));
            net.fit(batch);
        }
        assertThat(used).isEqualTo(expected);
    }

    private static MultiLayerConfiguration tinyNet(Dl4jSchedule schedule) {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Sgd(schedule))
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
