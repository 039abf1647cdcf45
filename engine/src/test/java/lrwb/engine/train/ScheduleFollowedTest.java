package lrwb.engine.train;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.NetworkShape;

import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.Networks;
import lrwb.engine.schedule.Dl4jSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The LR of every update is the schedule's value at that update, in the metrics and in the network. */
class ScheduleFollowedTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    private static final String CYCLIC = "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.2,\"stepSizeUp\":3,\"stepSizeDown\":5}";

    @Test
    void cyclicPerIterationIsTheLrOfEveryIteration() throws Exception {
        TrainingRequest request = Recording.request("iris", "mlp:8", "sgd", CYCLIC, 3, 16, 7);
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        Recording r = Recording.run(ENGINE, request).assertFinished().recording();

        TrainingPlan plan = r.plan;
        assertThat(plan.trainSize()).isEqualTo(120);
        assertThat(plan.validationSize()).isEqualTo(30);
        assertThat(plan.stepsPerEpoch()).isEqualTo(8); // ceil(120 / 16)
        assertThat(r.iterations).hasSize(24);
        for (int i = 0; i < r.iterations.size(); i++) {
            IterationMetrics m = r.iterations.get(i);
            assertThat(m.iteration()).isEqualTo(i);
            assertThat(m.epoch()).isEqualTo(i / 8);
            assertThat(m.lr()).as("lr of iteration %d", i).isEqualTo(spec.lrAtIteration(i, 8));
            assertThat(m.loss()).isFinite().isPositive();
        }
        // The curve really cycles: 0.01 at the bottoms, 0.2 at the tops (t = 3, 11, 19).
        assertThat(r.iterations.get(0).lr()).isEqualTo(0.01);
        assertThat(r.iterations.get(3).lr()).isEqualTo(0.2);
        assertThat(r.iterations.get(8).lr()).isEqualTo(0.01);
        assertThat(r.iterations.get(11).lr()).isEqualTo(0.2);
        // Each epoch row carries the LR of the epoch's last update.
        assertThat(r.epochs).extracting(EpochMetrics::lr)
                .containsExactly(spec.lrAtIteration(7, 8), spec.lrAtIteration(15, 8), spec.lrAtIteration(23, 8));
    }

    /**
     * The metrics could report the schedule while the network used something else. Replaying the same
     * training by hand, with a schedule that records which update DL4J asks about, shows that DL4J evaluates
     * the schedule at update i for the i-th fit, and the job's losses are bit for bit those of that replay.
     * The same replay with the schedule one update late gives different losses, so the comparison has teeth.
     */
    @Test
    void theNetworkUsesTheReportedLr() throws Exception {
        TrainingRequest request = Recording.request("iris", "mlp:8", "sgd", CYCLIC, 2, 16, 7);
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        Recording job = Recording.run(ENGINE, request).assertFinished().recording();

        Replay exact = replay(request, spec, 0);
        assertThat(exact.asked).hasSize(16);
        for (int i = 0; i < 16; i++) {
            assertThat(exact.asked.get(i)).as("iterations DL4J asked the LR of during fit %d", i).containsExactly(i);
        }
        assertThat(job.losses()).containsExactly(exact.losses);
        Replay late = replay(request, spec, 1);
        assertThat(job.losses()).isNotEqualTo(late.losses);
    }

    private record Replay(double[] losses, List<TreeSet<Integer>> asked) {
    }

    /** The job's training loop by hand, the schedule read {@code lag} updates late. */
    private static Replay replay(TrainingRequest request, FormulaSchedule spec, int lag) {
        LoadedData data = Datasets.load(request.data());
        ShuffledBatches batches = new ShuffledBatches(data.train(), request.batchSize(), request.seed(), ENGINE);
        int stepsPerEpoch = batches.batchesPerPass();
        List<TreeSet<Integer>> asked = new ArrayList<>();
        Dl4jSchedule formula = new Dl4jSchedule(spec, stepsPerEpoch);
        ISchedule spy = new ISchedule() {
            @Override
            public double valueAt(int iteration, int epoch) {
                if (!asked.isEmpty()) {
                    asked.get(asked.size() - 1).add(iteration);
                }
                return formula.valueAt(Math.max(0, iteration - lag), epoch);
            }

            @Override
            public ISchedule clone() {
                return this;
            }
        };
        MultiLayerNetwork net = Networks.build(request.model(), request.optimizer(), new SteerableSchedule(spy),
                NetworkShape.of(data), request.seed(), EngineTuning.defaults());
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < request.epochs(); epoch++) {
            for (DataSet batch : batches.pass(epoch)) {
                asked.add(new TreeSet<>());
                net.fit(batch);
                losses.add(net.score());
            }
            net.setEpochCount(epoch + 1);
        }
        return new Replay(losses.stream().mapToDouble(Double::doubleValue).toArray(), asked);
    }

    @Test
    void stepPerEpochChangesExactlyAtEpochBoundaries() throws Exception {
        String json = "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":1,\"gamma\":0.5,\"unit\":\"epoch\"}";
        TrainingRequest request = Recording.request("iris", "mlp:8", "momentum", json, 4, 32, 3);
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        Recording r = Recording.run(ENGINE, request).assertFinished().recording();

        int spe = r.plan.stepsPerEpoch();
        assertThat(spe).isEqualTo(4); // ceil(120 / 32): the last batch is smaller, still one step
        assertThat(r.iterations).hasSize(4 * spe);
        for (IterationMetrics m : r.iterations) {
            assertThat(m.epoch()).isEqualTo((int) (m.iteration() / spe));
            assertThat(m.lr()).as("lr of iteration %d", m.iteration())
                    .isEqualTo(spec.lrAtIteration(m.iteration(), spe))
                    .isEqualTo(0.1 * Math.pow(0.5, m.epoch()));
        }
        for (int i = 1; i < r.iterations.size(); i++) {
            boolean boundary = i % spe == 0;
            assertThat(r.iterations.get(i).lr() != r.iterations.get(i - 1).lr())
                    .as("LR changes between iterations %d and %d", i - 1, i).isEqualTo(boundary);
        }
        assertThat(r.epochs).extracting(EpochMetrics::lr).containsExactly(0.1, 0.05, 0.025, 0.0125);
    }
}
