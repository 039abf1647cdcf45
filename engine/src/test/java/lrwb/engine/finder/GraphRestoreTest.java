package lrwb.engine.finder;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.TinyData;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A range test on a ComputationGraph puts it back bit for bit: parameters (batch norm's running mean and variance
 * included), Adam's moments and the iteration and epoch counters, after a full sweep, when cancelled midway and when
 * a listener throws.
 */
class GraphRestoreTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);
    private static final RangeTestConfig SWEEP = RangeTestConfig.of(1e-4, 1, 20, SweepMode.EXP).withDivergeFactor(1e9);

    /** A graph with batch norm, Adam reading {@code lr}, trained a few steps: every part of its state is non-zero. */
    private static Network trainedGraphWithBatchNorm(SteerableSchedule lr) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Adam(lr))
                .graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("norm", new BatchNormalization.Builder().nOut(8).build(), "hidden")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build(), "norm")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        Network net = Network.of(graph, InputLayout.FLAT, TABULAR, List.of());
        for (int i = 0; i < 6; i++) {
            net.fit(TinyData.batch(TABULAR, 16, 100 + i));
        }
        net.setEpochCount(2);
        return net;
    }

    private static Iterator<DataSet> batches() {
        AtomicInteger seed = new AtomicInteger();
        return Stream.generate(() -> TinyData.batch(TABULAR, 16, seed.getAndIncrement())).iterator();
    }

    /** Everything training changes, copied. */
    private record State(INDArray params, INDArray mean, INDArray var, INDArray updater, int iteration, int epoch) {
        static State of(Network net) {
            ComputationGraph graph = (ComputationGraph) net.dl4j();
            var norm = graph.getLayer("norm");
            String varKey = norm.paramTable().containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)
                    ? BatchNormalizationParamInitializer.GLOBAL_VAR : BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
            return new State(net.params().dup(), norm.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).dup(),
                    norm.getParam(varKey).dup(), net.updaterState().dup(), net.iterationCount(), net.epochCount());
        }

        void assertSameAs(State before) {
            assertThat(params).as("parameters").isEqualTo(before.params);
            assertThat(mean).as("batch norm running mean").isEqualTo(before.mean);
            assertThat(var).as("batch norm running variance").isEqualTo(before.var);
            assertThat(updater).as("Adam's moments").isEqualTo(before.updater);
            assertThat(iteration).as("iteration count").isEqualTo(before.iteration);
            assertThat(epoch).as("epoch count").isEqualTo(before.epoch);
        }

        /** The sweep really changed each part, so equality afterwards means a restore, not an untouched network. */
        void assertAllDifferFrom(State before) {
            assertThat(params).isNotEqualTo(before.params);
            assertThat(mean).isNotEqualTo(before.mean);
            assertThat(var).isNotEqualTo(before.var);
            assertThat(updater).isNotEqualTo(before.updater);
            assertThat(iteration).isGreaterThan(before.iteration);
        }
    }

    /** Runs the sweep, keeping the state after {@code peekAt} updates to show the sweep changed it. */
    private static State[] sweep(Network net, SteerableSchedule lr, int peekAt, int cancelAfter) {
        State[] during = new State[1];
        AtomicInteger points = new AtomicInteger();
        RangeTestResult result = new RangeTest(SWEEP).run(net, lr, batches(), new RangeTestListener() {
            @Override
            public void onPoint(RangePoint point) {
                if (points.incrementAndGet() == peekAt) {
                    during[0] = State.of(net);
                }
            }
        }, () -> points.get() >= cancelAfter);
        assertThat(result.cancelled()).isEqualTo(cancelAfter < SWEEP.iterations());
        assertThat(result.points()).hasSize(Math.min(cancelAfter, SWEEP.iterations()));
        assertThat(result.points()).allMatch(p -> Double.isFinite(p.loss()));
        return during;
    }

    @Test
    void aFullSweepRestoresParametersBatchNormStatisticsAdamStateAndCounters() {
        SteerableSchedule lr = SteerableSchedule.constant(0.01);
        Network net = trainedGraphWithBatchNorm(lr);
        State before = State.of(net);
        assertThat(before.iteration()).isEqualTo(6);
        assertThat(before.updater().sumNumber().doubleValue()).isNotZero();

        State during = sweep(net, lr, 10, Integer.MAX_VALUE)[0];

        during.assertAllDifferFrom(before);
        State.of(net).assertSameAs(before);
        assertThat(lr.valueAt(0, 0)).as("the run's LR is back").isEqualTo(0.01);
    }

    @Test
    void aSweepCancelledMidwayRestoresTheGraphToo() {
        SteerableSchedule lr = SteerableSchedule.constant(0.01);
        Network net = trainedGraphWithBatchNorm(lr);
        State before = State.of(net);

        State during = sweep(net, lr, 5, 7)[0];

        during.assertAllDifferFrom(before);
        State.of(net).assertSameAs(before);
    }

    @Test
    void aListenerThatThrowsStillLeavesTheGraphAsItWas() {
        SteerableSchedule lr = SteerableSchedule.constant(0.01);
        Network net = trainedGraphWithBatchNorm(lr);
        State before = State.of(net);
        AtomicBoolean thrown = new AtomicBoolean();

        assertThatThrownBy(() -> new RangeTest(SWEEP).run(net, lr, batches(), new RangeTestListener() {
            @Override
            public void onPoint(RangePoint point) {
                if (point.iteration() == 4) {
                    thrown.set(true);
                    throw new IllegalStateException("listener failed");
                }
            }
        }, () -> false)).hasMessage("listener failed");

        assertThat(thrown).isTrue();
        State.of(net).assertSameAs(before);
    }

    @Test
    void aKerasFunctionalModelLoadedAsTheEngineLoadsItIsRestoredAfterItsSweep() throws URISyntaxException {
        Path h5 = Path.of(GraphRestoreTest.class.getResource("/models/functional_4_6_3.h5").toURI());
        SteerableSchedule lr = SteerableSchedule.constant(0.01);
        Network net = Networks.network(ModelSpec.parse("keras:" + h5), OptimizerSpec.parse("adam"), lr, TABULAR, 1,
                EngineTuning.defaults());
        assertThat(net.dl4j()).isInstanceOf(ComputationGraph.class);
        for (int i = 0; i < 3; i++) {
            net.fit(TinyData.batch(TABULAR, 16, 50 + i));
        }
        INDArray params = net.params().dup();
        INDArray updater = net.updaterState().dup();

        RangeTestResult result = new RangeTest(SWEEP).run(net, lr, batches(), RangeTestListener.NONE, () -> false);

        assertThat(result.points()).hasSize(SWEEP.iterations());
        assertThat(net.params()).isEqualTo(params);
        assertThat(net.updaterState()).isEqualTo(updater);
        assertThat(net.iterationCount()).isEqualTo(3);
        assertThat(net.epochCount()).isZero();
    }
}
