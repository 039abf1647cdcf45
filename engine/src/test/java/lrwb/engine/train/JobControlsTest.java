package lrwb.engine.train;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.TestRecorders;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.FormulaSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pause, resume, cancel and the LR override, called from the test's thread while the job trains on its own. */
class JobControlsTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    /** Long enough (50 updates an epoch, 200 epochs) that the test always stops it first. */
    private static TrainingRequest longJob(String scheduleJson) {
        return Recording.request("moons:samples=2000", "mlp:16", "sgd", scheduleJson, 200, 32, 9);
    }

    private static final String CYCLIC = "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1,\"stepSizeUp\":7}";

    @Test
    void pauseHoldsTheJobResumeContinuesCancelEndsItKeepingTheMetrics(@TempDir Path dir) throws Exception {
        TrainingRequest request = longJob("{\"type\":\"constant\",\"lr\":0.05}");
        TrainingListener recorder = TestRecorders.training(dir, request);
        Recording.Started s = Recording.start(ENGINE, request, recorder);
        TrainingJob job = s.job();
        Recording r = s.recording();

        r.awaitIterations(30);
        job.pause();
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.PAUSED, "PAUSED");
        int atPause = r.iterations.size();
        TrainingEvent paused = r.single(TrainingEvent.Kind.PAUSED);
        assertThat(paused.iteration()).as("paused before the next update").isEqualTo(atPause);
        Thread.sleep(300);
        assertThat(r.iterations).as("no update while paused").hasSize(atPause);
        assertThat(job.ended()).isNotDone();
        // while paused, the files hold every update so far
        assertThat(Files.readAllLines(dir.resolve(RunFiles.ITERATIONS))).hasSize(atPause + 1);

        job.resume();
        r.awaitIterations(atPause + 30);
        assertThat(r.single(TrainingEvent.Kind.RESUMED).iteration()).isEqualTo(atPause);
        job.cancel();
        TrainingEvent end = job.ended().get(60, TimeUnit.SECONDS);

        assertThat(end.kind()).isEqualTo(TrainingEvent.Kind.CANCELLED);
        assertThat(end.iteration()).isEqualTo(r.iterations.size());
        assertThat(end.message()).contains("iteration " + end.iteration());
        assertThat(r.events.get(r.events.size() - 1)).isEqualTo(end);
        assertThat(r.events).extracting(TrainingEvent::kind).containsExactly(TrainingEvent.Kind.STARTED,
                TrainingEvent.Kind.PAUSED, TrainingEvent.Kind.RESUMED, TrainingEvent.Kind.CANCELLED);
        for (int i = 0; i < r.iterations.size(); i++) {
            assertThat(r.iterations.get(i).iteration()).isEqualTo(i);
        }
        // the record keeps every update and epoch up to the cancel
        List<String> rows = Files.readAllLines(dir.resolve(RunFiles.ITERATIONS));
        assertThat(rows).hasSize(r.iterations.size() + 1);
        IterationMetrics last = r.iterations.get(r.iterations.size() - 1);
        assertThat(rows.get(rows.size() - 1)).isEqualTo(last.iteration() + "," + last.epoch() + "," + last.lr() + "," + last.loss());
        assertThat(Files.readAllLines(dir.resolve(RunFiles.EPOCHS))).hasSize(r.epochs.size() + 1);
        List<String> events = Files.readAllLines(dir.resolve(RunFiles.EVENTS));
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).startsWith(atPause + ",").contains(",paused,");
        assertThat(events.get(2)).startsWith(atPause + ",").contains(",resumed,");
        RunInfo info = RunInfo.read(dir);
        assertThat(info.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(info.message()).isEqualTo(end.message());
    }

    @Test
    void cancelWhilePausedEndsWithoutAnotherUpdate() throws Exception {
        Recording.Started s = Recording.start(ENGINE, longJob(CYCLIC));
        s.recording().awaitIterations(5);
        s.job().pause();
        s.recording().awaitEvent(e -> e.kind() == TrainingEvent.Kind.PAUSED, "PAUSED");
        int atPause = s.recording().iterations.size();
        s.job().cancel();
        TrainingEvent end = s.job().ended().get(60, TimeUnit.SECONDS);
        assertThat(end.kind()).isEqualTo(TrainingEvent.Kind.CANCELLED);
        assertThat(end.iteration()).isEqualTo(atPause);
        assertThat(s.recording().iterations).hasSize(atPause);
        assertThat(s.recording().events(TrainingEvent.Kind.RESUMED)).isEmpty();
    }

    @Test
    void overrideFromAnotherThreadHoldsUntilClearedThenTheScheduleResumes() throws Exception {
        TrainingRequest request = longJob(CYCLIC);
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        Recording.Started s = Recording.start(ENGINE, request);
        Recording r = s.recording();
        double override = 0.0123;

        r.awaitIterations(10);
        s.job().overrideLr(override);
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.LR_OVERRIDDEN, "LR_OVERRIDDEN");
        TrainingEvent set = r.single(TrainingEvent.Kind.LR_OVERRIDDEN);
        r.awaitIterations((int) set.iteration() + 40);
        s.job().clearLrOverride();
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.LR_OVERRIDE_CLEARED, "LR_OVERRIDE_CLEARED");
        TrainingEvent cleared = r.single(TrainingEvent.Kind.LR_OVERRIDE_CLEARED);
        r.awaitIterations((int) cleared.iteration() + 40);
        s.job().cancel();
        assertThat(s.join().end().kind()).isEqualTo(TrainingEvent.Kind.CANCELLED);

        assertThat(set.lr()).isEqualTo(override);
        assertThat(set.message()).contains("0.0123");
        assertThat(cleared.lr()).isEqualTo(spec.lrAtIteration(cleared.iteration(), 50));
        assertThat(cleared.iteration()).isGreaterThanOrEqualTo(set.iteration() + 40);
        for (IterationMetrics m : r.iterations) {
            boolean overridden = m.iteration() >= set.iteration() && m.iteration() < cleared.iteration();
            assertThat(m.lr()).as("lr of iteration %d", m.iteration())
                    .isEqualTo(overridden ? override : spec.lrAtIteration(m.iteration(), 50));
        }
        // epochs entirely under the override report it
        r.epochs.stream().filter(e -> (long) e.epoch() * 50 >= set.iteration() && (e.epoch() + 1L) * 50 <= cleared.iteration())
                .forEach(e -> assertThat(e.lr()).isEqualTo(override));
    }

    /**
     * The override is what the network really uses, from exactly the next update: pausing the job after
     * update 9 (from its own listener), overriding from this thread, resuming, and clearing after update 19
     * trains bit for bit like a run whose schedule is 0.1 up to update 9, the override from 10 to 19 and the
     * original schedule after (0.05 from update 15, 0.025 from 30).
     */
    @Test
    void overrideAppliesFromTheNextUpdateAndTrainsLikeTheEquivalentSchedule() throws Exception {
        String step = "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":15,\"gamma\":0.5}";
        TrainingRequest request = Recording.request("iris", "mlp:8", "sgd", step, 4, 16, 4);
        Recording r = new Recording();
        TrainingJob job = new TrainingJob(request, ENGINE).addListener(r);
        job.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationMetrics m) {
                if (m.iteration() == 9 || m.iteration() == 19) {
                    job.pause();
                }
            }
        });
        job.start();
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.PAUSED, "first PAUSED");
        job.overrideLr(0.5);
        job.resume();
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.PAUSED && e.iteration() == 20, "second PAUSED");
        job.clearLrOverride();
        job.resume();
        assertThat(job.ended().get(60, TimeUnit.SECONDS).kind()).isEqualTo(TrainingEvent.Kind.FINISHED);

        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDDEN).iteration()).isEqualTo(10);
        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDE_CLEARED).iteration()).isEqualTo(20);
        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDE_CLEARED).lr()).isEqualTo(0.05);

        String equivalent = "{\"type\":\"piecewise\",\"boundaries\":[9,19,29],\"values\":[0.1,0.5,0.05,0.025]}";
        Recording reference = Recording.run(ENGINE, request.withSchedule(lrwb.engine.schedule.ScheduleJson.parse(equivalent)))
                .assertFinished().recording();
        assertThat(r.lrs()).containsExactly(reference.lrs());
        assertThat(r.lrs()[10]).isEqualTo(0.5);
        assertThat(r.lrs()[20]).isEqualTo(0.05);
        assertThat(r.losses()).containsExactly(reference.losses());
        assertThat(r.epochsWithoutTime()).isEqualTo(reference.epochsWithoutTime());

        Recording untouched = Recording.run(ENGINE, request).assertFinished().recording();
        assertThat(r.losses()).as("the override changed the training").isNotEqualTo(untouched.losses());
        assertThat(java.util.Arrays.copyOf(r.losses(), 11)).containsExactly(java.util.Arrays.copyOf(untouched.losses(), 11));
    }

    /**
     * Set by hand, the LR of a plateau run is the user's: the plateau makes no reductions while the override holds
     * (none of a value nobody uses) and, back on the schedule, goes on from its own LR where it left off.
     */
    @Test
    void plateauHoldsWhileOverriddenAndGoesOnFromItsOwnLrAfter() throws Exception {
        // patience 0 and a 90 % threshold: every epoch after the first is a plateau, so it would halve every epoch
        String plateau = "{\"type\":\"plateau\",\"lr\":0.1,\"monitor\":\"trainLoss\",\"factor\":0.5,\"patience\":0,"
                + "\"threshold\":0.9}";
        TrainingRequest request = Recording.request("iris", "mlp:8", "sgd", plateau, 7, 16, 4);
        Recording r = new Recording();
        TrainingJob job = new TrainingJob(request, ENGINE).addListener(r);
        job.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationMetrics m) {
                if (m.iteration() == 4 * 8 - 1) {
                    job.pause(); // after epoch 3 (of 0..6)
                }
            }
        });
        job.overrideLr(0.02);
        job.start();
        r.awaitEvent(e -> e.kind() == TrainingEvent.Kind.PAUSED, "PAUSED");
        job.clearLrOverride();
        job.resume();
        assertThat(job.ended().get(60, TimeUnit.SECONDS).kind()).isEqualTo(TrainingEvent.Kind.FINISHED);

        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDDEN).iteration()).isZero();
        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDE_CLEARED).iteration()).isEqualTo(32);
        assertThat(r.single(TrainingEvent.Kind.LR_OVERRIDE_CLEARED).lr()).as("the plateau's own LR, untouched").isEqualTo(0.1);
        for (IterationMetrics m : r.iterations) {
            if (m.iteration() < 32) {
                assertThat(m.lr()).as("lr of iteration %d", m.iteration()).isEqualTo(0.02);
            }
        }
        // reductions only after the override: epochs 4 and 5 end on a plateau (epoch 4 is its first new best)
        List<TrainingEvent> reductions = r.events(TrainingEvent.Kind.PLATEAU_REDUCTION);
        assertThat(reductions).extracting(TrainingEvent::epoch).allMatch(e -> e >= 4);
        assertThat(reductions).extracting(TrainingEvent::lr).first().isEqualTo(0.05);
    }

    @Test
    void adadeltaRecordsTheLrMultiplierItUses() throws Exception {
        // torch's adadelta lr multiplies the step: the schedule's LR is real, recorded, and can be overridden.
        TrainingRequest request = Recording.request("iris", "mlp:8", "adadelta", "{\"type\":\"constant\",\"lr\":0.5}", 2, 16, 1);
        Recording r = new Recording();
        TrainingJob job = new TrainingJob(request, ENGINE).addListener(r);
        job.start();
        assertThat(job.ended().get(60, TimeUnit.SECONDS).kind()).isEqualTo(TrainingEvent.Kind.FINISHED);
        assertThat(r.iterations).isNotEmpty().allSatisfy(m -> assertThat(m.lr()).isEqualTo(0.5));
        assertThat(r.iterations).allSatisfy(m -> assertThat(m.loss()).isFinite());
    }

    @Test
    void overrideMustBeAPositiveFiniteLr() {
        TrainingJob job = new TrainingJob(Recording.request("iris", "mlp:8", "sgd", CYCLIC, 1, 16, 1), ENGINE);
        for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> job.overrideLr(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("override LR must be a finite number > 0").hasMessageContaining("" + bad);
        }
    }
}
