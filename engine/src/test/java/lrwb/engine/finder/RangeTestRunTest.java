package lrwb.engine.finder;

import lrwb.engine.model.Network;

import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The range test on a small real DL4J network, independent of our model presets. */
class RangeTestRunTest {

    private record Net(MultiLayerNetwork net, SteerableSchedule lr) {
    }

    private static Net adamNet() {
        SteerableSchedule lr = SteerableSchedule.constant(1e-3);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(lr))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return new Net(net, lr);
    }

    /** Separable toy data: the class is the index of the largest of the first three features. */
    private static List<DataSet> batches(int count, long seed) {
        Nd4j.getRandom().setSeed(seed);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 16, 4);
            INDArray labels = Nd4j.zeros(DataType.FLOAT, 16, 3);
            for (int r = 0; r < 16; r++) {
                labels.putScalar(r, x.getRow(r).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)).argMax().getInt(0), 1);
            }
            out.add(new DataSet(x, labels));
        }
        return out;
    }

    private static Iterator<DataSet> cycling(List<DataSet> batches) {
        return new Iterator<>() {
            int i;

            public boolean hasNext() {
                return true;
            }

            public DataSet next() {
                return batches.get(i++ % batches.size());
            }
        };
    }

    @Test
    void everyUpdateUsesTheSweepLrAndTheNetworkComesBackBitForBit() {
        Net a = adamNet();
        List<DataSet> data = batches(5, 1);
        // some training first, so there is non-zero Adam state and counters to restore
        for (int i = 0; i < 3; i++) {
            a.net().fit(data.get(i));
        }
        INDArray paramsBefore = a.net().params().dup();
        INDArray stateBefore = a.net().getUpdater().getStateViewArray().dup();
        int iterationBefore = a.net().getIterationCount();

        RangeTestConfig config = RangeTestConfig.of(1e-5, 1e-1, 20, SweepMode.EXP).withDivergeFactor(1e9);
        List<Double> lrUsed = new ArrayList<>();
        RangeTestListener spy = new RangeTestListener() {
            @Override
            public void onPoint(RangePoint p) {
                lrUsed.add(a.net().getLearningRate(0)); // the LR DL4J would use for the update after this one
            }
        };
        RangeTestResult result = new RangeTest(config).run(Network.of(a.net()), a.lr(), cycling(data), spy, () -> false);

        assertThat(result.points()).hasSize(20);
        assertThat(result.diverged()).isFalse();
        assertThat(result.stoppedAt()).isEqualTo(19);
        for (int i = 0; i < 19; i++) {
            assertThat(lrUsed.get(i)).isEqualTo(config.lr(i + 1));
            assertThat(result.points().get(i).lr()).isEqualTo(config.lr(i));
        }
        assertThat(a.net().params()).isEqualTo(paramsBefore);
        assertThat(a.net().getUpdater().getStateViewArray()).isEqualTo(stateBefore);
        assertThat(a.net().getIterationCount()).isEqualTo(iterationBefore);
        assertThat(a.net().getLearningRate(0)).isEqualTo(1e-3);
    }

    @Test
    void afterTheTestTrainingContinuesExactlyAsIfItNeverRan() {
        Net tested = adamNet();
        Net untouched = adamNet();
        List<DataSet> data = batches(4, 2);
        tested.net().fit(data.get(0));
        untouched.net().fit(data.get(0));
        new RangeTest(RangeTestConfig.of(1e-6, 1, 30, SweepMode.EXP)).run(Network.of(tested.net()), tested.lr(), cycling(data),
                RangeTestListener.NONE, () -> false);
        for (DataSet d : data) {
            tested.net().fit(d);
            untouched.net().fit(d);
        }
        assertThat(tested.net().params()).isEqualTo(untouched.net().params());
        assertThat(tested.net().getUpdater().getStateViewArray()).isEqualTo(untouched.net().getUpdater().getStateViewArray());
    }

    @Test
    void cancelledTestKeepsItsPointsAndStillRestores() {
        Net n = adamNet();
        INDArray paramsBefore = n.net().params().dup();
        AtomicInteger polled = new AtomicInteger();
        RangeTestResult result = new RangeTest(RangeTestConfig.of(1e-6, 1, 50, SweepMode.EXP)).run(Network.of(n.net()), n.lr(),
                cycling(batches(3, 3)), RangeTestListener.NONE, () -> polled.incrementAndGet() > 7);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.points()).hasSize(7);
        assertThat(result.stoppedAt()).isEqualTo(6);
        assertThat(n.net().params()).isEqualTo(paramsBefore);
        assertThat(n.net().getUpdater().getStateViewArray().sumNumber().doubleValue()).isZero();
        assertThat(n.net().getIterationCount()).isZero();
    }

    @Test
    void stopsWhenTheSmoothedLossDiverges() {
        Net n = adamNet();
        RangeTestConfig config = RangeTestConfig.of(1e-3, 1e4, 200, SweepMode.EXP);
        RangeTestResult result = new RangeTest(config).run(Network.of(n.net()), n.lr(), cycling(batches(5, 4)), RangeTestListener.NONE,
                () -> false);
        assertThat(result.diverged()).isTrue();
        assertThat(result.points().size()).isLessThan(200);
        RangePoint last = result.points().get(result.points().size() - 1);
        double best = result.points().stream().mapToDouble(RangePoint::smoothed).min().orElseThrow();
        assertThat(!Double.isFinite(last.loss()) || last.smoothed() > 4 * best).isTrue();
        // and no earlier point met the stop rule
        double runningBest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < result.points().size() - 1; i++) {
            RangePoint p = result.points().get(i);
            runningBest = Math.min(runningBest, p.smoothed());
            assertThat(i >= 1 && p.smoothed() > 4 * runningBest).isFalse();
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        RangeTestConfig config = RangeTestConfig.of(1e-5, 1, 25, SweepMode.LINEAR);
        Net one = adamNet();
        Net two = adamNet();
        List<RangePoint> first = new RangeTest(config).run(Network.of(one.net()), one.lr(), cycling(batches(4, 5)),
                RangeTestListener.NONE, () -> false).points();
        List<RangePoint> second = new RangeTest(config).run(Network.of(two.net()), two.lr(), cycling(batches(4, 5)),
                RangeTestListener.NONE, () -> false).points();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void smoothedColumnIsTheBiasCorrectedAverageOfTheLossColumn() {
        Net n = adamNet();
        RangeTestResult result = new RangeTest(RangeTestConfig.of(1e-5, 1e-2, 15, SweepMode.EXP)).run(Network.of(n.net()), n.lr(),
                cycling(batches(3, 6)), RangeTestListener.NONE, () -> false);
        LossSmoother s = new LossSmoother(0.98);
        for (RangePoint p : result.points()) {
            assertThat(p.smoothed()).isEqualTo(s.add(p.loss()));
        }
    }
}
