package lrwb.engine.train;

import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.Dl4jSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A oneCycle run cycles the optimizer's momentum (β1 for Adam) along the schedule's momentum curve: replaying the
 * job's training by hand with a momentum schedule that records what DL4J asks shows that update i reads the curve
 * at iteration i (the LR's t), and the job's losses are bit for bit those of that replay; with the fixed momentum
 * they differ, so the comparison has teeth.
 */
class CycledMomentumTrainingTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final String ONE_CYCLE = "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":16,\"pctStart\":0.25}";

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum:0.5", "nesterov", "adam"})
    void updatesFollowTheMomentumCurve(String optimizer) throws Exception {
        TrainingRequest request = Recording.request("iris", "mlp:8", optimizer, ONE_CYCLE, 2, 16, 7);
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        MomentumCurve curve = MomentumCurve.of(spec).orElseThrow();
        Recording job = Recording.run(ENGINE, request).assertFinished().recording();

        Replay cycled = replay(request, spec, curve);
        assertThat(cycled.asked).hasSize(16);
        for (int i = 0; i < 16; i++) {
            // DL4J asks per layer block; every ask of fit i is for iteration i, and gets the curve's value there
            assertThat(cycled.asked.get(i).keySet()).as("iterations asked during fit %d", i).containsExactly(i);
            assertThat(cycled.asked.get(i).get(i)).isEqualTo(curve.atIteration(i, 8));
        }
        assertThat(cycled.asked.get(0).get(0)).isEqualTo(0.95);
        assertThat(cycled.asked.get(3).get(3)).as("the LR's peak, t = 0.25·16 − 1").isEqualTo(0.85);
        assertThat(job.losses()).containsExactly(cycled.losses);
        assertThat(job.losses()).isNotEqualTo(replay(request, spec, null).losses);

        String setting = optimizer.startsWith("adam") ? "beta1" : "momentum";
        assertThat(job.plan.modelNotes()).anyMatch(note -> note.startsWith("the oneCycle schedule cycles "
                + optimizer.replaceAll(":.*", "") + "'s " + setting + " between 0.95 and 0.85"));
    }

    @Test
    void withSgdTheCycleDoesNothingAndTheRunSaysSo() throws Exception {
        TrainingRequest request = Recording.request("iris", "mlp:8", "sgd", ONE_CYCLE, 1, 16, 7);
        Recording job = Recording.run(ENGINE, request).assertFinished().recording();

        assertThat(job.plan.modelNotes()).containsExactly("the oneCycle schedule cycles momentum, but sgd has neither"
                + " momentum nor beta1: the cycle does nothing (it drives momentum for momentum, nesterov, sgdw; beta1 for adam,"
                + " adamax, nadam, amsgrad, adamw; nothing for sgd, adagrad, rmsprop, adadelta)");
    }

    private record Replay(double[] losses, List<TreeMap<Integer, Double>> asked) {
    }

    /** The job's loop by hand; {@code curve} null for the optimizer's fixed momentum. */
    private static Replay replay(TrainingRequest request, FormulaSchedule spec, MomentumCurve curve) {
        LoadedData data = Datasets.load(request.data());
        ShuffledBatches batches = new ShuffledBatches(data.train(), request.batchSize(), request.seed(), ENGINE);
        int stepsPerEpoch = batches.batchesPerPass();
        List<TreeMap<Integer, Double>> asked = new ArrayList<>();
        ISchedule spy = new ISchedule() {
            @Override
            public double valueAt(int iteration, int epoch) {
                double m = curve.atIteration(iteration, stepsPerEpoch);
                asked.get(asked.size() - 1).put(iteration, m);
                return m;
            }

            @Override
            public ISchedule clone() {
                return this;
            }
        };
        Network net = Networks.network(request.model(), request.optimizer(),
                new SteerableSchedule(new Dl4jSchedule(spec, stepsPerEpoch)), curve == null ? null : new SteerableSchedule(spy),
                NetworkShape.of(data), request.seed(), EngineTuning.defaults());
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < request.epochs(); epoch++) {
            for (DataSet batch : batches.pass(epoch)) {
                asked.add(new TreeMap<>());
                net.fit(batch);
                losses.add(net.score());
            }
            net.setEpochCount(epoch + 1);
        }
        return new Replay(losses.stream().mapToDouble(Double::doubleValue).toArray(), asked);
    }
}
