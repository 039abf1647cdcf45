package lrwb.engine.train;

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
                shape, 11);
        int n = 5000; // more than one chunk
        INDArray features = Nd4j.rand(DataType.FLOAT, n, 5).subi(0.5).muli(4);
        INDArray labels = Nd4j.create(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, (i * 7) % 3, 1);
        }
        Evaluation e = Evaluation.of(net, new DataSet(features, labels));

        INDArray out = net.output(features, false);
        double loss = -Transforms.log(Transforms.max(out, 1e-10, true), false).muli(labels).sumNumber().doubleValue() / n;
        double accuracy = out.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT).sumNumber().doubleValue() / n;
        assertThat(e.loss()).isCloseTo(loss, offset(1e-5 * loss));
        assertThat(e.accuracy()).isEqualTo(accuracy);
    }

    @Test
    void anEmptySplitHasNoFigures() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(3), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(2, 2), 1);
        Evaluation e = Evaluation.of(net, new DataSet(Nd4j.create(DataType.FLOAT, 0, 2), Nd4j.create(DataType.FLOAT, 0, 2)));
        assertThat(e.loss()).isNaN();
        assertThat(e.accuracy()).isNaN();
    }
}
