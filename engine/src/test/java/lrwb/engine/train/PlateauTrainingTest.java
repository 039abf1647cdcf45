package lrwb.engine.train;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.TestRecorders;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.PlateauController;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plateau run reduces its LR exactly where {@link PlateauSchedule#simulate} says it should, given the
 * metric values the run itself observed: same epochs, same LRs, in the events, the epoch rows and every update.
 */
class PlateauTrainingTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    private static final int EPOCHS = 12;

    @Test
    void trainLossPlateauReducesWhereTheSimulationDoes(@TempDir Path dir) throws Exception {
        String json = "{\"type\":\"plateau\",\"lr\":0.3,\"monitor\":\"trainLoss\",\"factor\":0.5,\"patience\":1,"
                + "\"threshold\":0.08}";
        TrainingRequest request = Recording.request("moons", "mlp:8", "sgd", json, EPOCHS, 32, 5);
        TrainingListener recorder = TestRecorders.training(dir, request);
        Recording r = Recording.run(ENGINE, request, recorder).assertFinished().recording();

        List<Integer> reducedAfter = assertFollowsSimulation(r, (PlateauSchedule) request.schedule(), EpochMetrics::trainLoss);

        // events.csv has one plateau_reduction row per reduction, at the same place with the same LR
        List<String> rows = Files.readAllLines(dir.resolve(RunFiles.EVENTS));
        assertThat(rows.get(0)).isEqualTo("iteration,epoch,kind,lr,message");
        List<String> reductions = rows.stream().filter(l -> l.contains(",plateau_reduction,")).toList();
        assertThat(reductions).hasSize(reducedAfter.size());
        List<TrainingEvent> events = r.events(TrainingEvent.Kind.PLATEAU_REDUCTION);
        for (int k = 0; k < reductions.size(); k++) {
            String[] f = reductions.get(k).split(",", 5);
            TrainingEvent e = events.get(k);
            assertThat(Long.parseLong(f[0])).isEqualTo(e.iteration());
            assertThat(Integer.parseInt(f[1])).isEqualTo(e.epoch());
            assertThat(Double.parseDouble(f[3])).isEqualTo(e.lr());
            assertThat(f[4]).contains("trainLoss");
        }
        assertThat(RunInfo.read(dir).status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void valLossPlateauWithCooldownAndFloor() throws Exception {
        String json = "{\"type\":\"plateau\",\"lr\":0.2,\"monitor\":\"valLoss\",\"factor\":0.5,\"patience\":0,"
                + "\"threshold\":0.05,\"cooldown\":1,\"minLr\":0.04}";
        TrainingRequest request = Recording.request("moons", "mlp:8", "sgd", json, EPOCHS, 32, 11);
        Recording r = Recording.run(ENGINE, request).assertFinished().recording();
        List<Integer> reducedAfter = assertFollowsSimulation(r, (PlateauSchedule) request.schedule(), EpochMetrics::valLoss);
        // 0.2 -> 0.1 -> 0.05 -> 0.04 (the floor), then no more events even if the loss stalls
        assertThat(reducedAfter.size()).isLessThanOrEqualTo(3);
        assertThat(r.epochs).extracting(EpochMetrics::lr).allMatch(lr -> lr == 0.2 || lr == 0.1 || lr == 0.05 || lr == 0.04);
    }

    @Test
    void valAccuracyPlateauMaximises() throws Exception {
        String json = "{\"type\":\"plateau\",\"lr\":0.5,\"monitor\":\"valAccuracy\",\"factor\":0.5,\"patience\":1}";
        TrainingRequest request = Recording.request("moons", "mlp:8", "sgd", json, EPOCHS, 32, 2);
        PlateauSchedule spec = (PlateauSchedule) request.schedule();
        assertThat(spec.mode()).isEqualTo(PlateauSchedule.Mode.MAX);
        Recording r = Recording.run(ENGINE, request).assertFinished().recording();
        assertFollowsSimulation(r, spec, EpochMetrics::valAccuracy);
    }

    /** Asserts the whole run against the simulation on its own metrics; returns the epochs after which the LR fell. */
    private static List<Integer> assertFollowsSimulation(Recording r, PlateauSchedule spec, ToDoubleFunction<EpochMetrics> monitor) {
        assertThat(r.epochs).hasSize(EPOCHS);
        double[] observed = r.epochs.stream().mapToDouble(monitor).toArray();
        double[] expected = spec.simulate(observed);
        int spe = r.plan.stepsPerEpoch();

        List<Integer> reducedAfter = new ArrayList<>();
        for (int e = 0; e < EPOCHS; e++) {
            if (expected[e + 1] != expected[e]) {
                reducedAfter.add(e);
            }
        }
        // the run must actually exercise a reduction, or this test would prove nothing
        assertThat(reducedAfter).as("epochs after which the simulation reduces").isNotEmpty();

        for (int e = 0; e < EPOCHS; e++) {
            assertThat(r.epochs.get(e).lr()).as("lr of epoch %d", e).isEqualTo(expected[e]);
        }
        for (IterationMetrics m : r.iterations) {
            assertThat(m.lr()).as("lr of iteration %d (epoch %d)", m.iteration(), m.epoch()).isEqualTo(expected[m.epoch()]);
        }
        List<TrainingEvent> events = r.events(TrainingEvent.Kind.PLATEAU_REDUCTION);
        assertThat(events).extracting(TrainingEvent::epoch).containsExactlyElementsOf(reducedAfter);
        for (TrainingEvent e : events) {
            assertThat(e.lr()).isEqualTo(expected[e.epoch() + 1]);
            // decided after the epoch's last update, before the next epoch's first
            assertThat(e.iteration()).isEqualTo((long) (e.epoch() + 1) * spe);
            assertThat(e.message()).contains(spec.monitor().json()).contains("" + expected[e.epoch()])
                    .contains("" + expected[e.epoch() + 1]);
        }
        assertThat(r.events(TrainingEvent.Kind.LR_OVERRIDDEN)).isEmpty();
        return reducedAfter;
    }

    /** The controller the job drives, fed a scripted series one epoch at a time. */
    @Test
    void scriptedMetricsThroughTheController() {
        PlateauSchedule spec = (PlateauSchedule) ScheduleJson.parse("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,"
                + "\"patience\":1,\"cooldown\":2,\"minLr\":0.2,\"threshold\":0.1,\"thresholdMode\":\"abs\"}");
        double[] metrics = {5, 4, 3.95, 3.92, 3.9, 3.9, 3.9, 3.9, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5};
        // e0 best 5; e1 4 < 4.9 best 4; e2 bad1; e3 bad2 > 1 -> 0.5, cooldown 2; e4 cool (bad 0, cd 1);
        // e5 cool (cd 0); e6 bad1; e7 bad2 -> 0.25, cd 2; e8 3.5 < 3.9 better, cd 1; e9 cool; e10 bad1;
        // e11 bad2 -> max(0.125, 0.2) = 0.2, cd 2; e12 cool; e13 cool; e14 bad1
        double[] expected = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2};
        PlateauController controller = spec.controller();
        PlateauController other = spec.controller();
        List<Double> lrs = new ArrayList<>();
        lrs.add(controller.lr());
        for (double m : metrics) {
            double next = controller.observe(m);
            assertThat(controller.lr()).isEqualTo(next);
            lrs.add(next);
        }
        assertThat(lrs).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Double[]::new));
        assertThat(spec.simulate(metrics)).containsExactly(expected);
        // controllers do not share state: a fresh one starts over
        assertThat(other.lr()).isEqualTo(1);
        assertThat(other.observe(5)).isEqualTo(1);
        assertThat(spec.controller().lr()).isEqualTo(1);
    }
}
