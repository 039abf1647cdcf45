package lrwb.engine.train;

import lrwb.engine.schedule.FormulaSchedule;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs running at the same time share nothing: each trains exactly as it would alone. */
class ConcurrentJobsTest {

    private static final TrainingRequest CYCLIC = Recording.request("moons:samples=600", "mlp:16", "sgd",
            "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.3,\"stepSizeUp\":6,\"mode\":\"triangular2\"}", 4, 16, 21);
    private static final TrainingRequest COSINE = Recording.request("blobs", "mlp:8,8", "adam",
            "{\"type\":\"cosine\",\"lr\":0.02,\"decaySteps\":60,\"warmupSteps\":10,\"warmupTarget\":0.05}", 6, 16, 5);

    @Test
    void twoJobsAtOnceFollowTheirOwnSchedulesAndMatchTheirSoloRuns() throws Exception {
        // Each job waits in onStarted until both have started, so they surely train at the same time.
        CyclicBarrier bothStarted = new CyclicBarrier(2);
        AtomicInteger overlapping = new AtomicInteger();
        TrainingListener rendezvous = new TrainingListener() {
            @Override
            public void onStarted(TrainingPlan plan) {
                try {
                    bothStarted.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Recording.Started a = Recording.start(CYCLIC, rendezvous);
        Recording.Started b = Recording.start(COSINE, rendezvous);
        // while both run, sample whether both have updates still to do
        while (!a.job().ended().isDone() || !b.job().ended().isDone()) {
            if (!a.recording().iterations.isEmpty() && !b.recording().iterations.isEmpty()
                    && !a.job().ended().isDone() && !b.job().ended().isDone()) {
                overlapping.incrementAndGet();
            }
            Thread.sleep(1);
        }
        Recording.Finished together1 = a.join().assertFinished();
        Recording.Finished together2 = b.join().assertFinished();
        assertThat(overlapping.get()).as("samples while both jobs were training").isPositive();
        assertThat(together1.recording().threads).doesNotContainAnyElementsOf(together2.recording().threads);

        assertFollowsOwnSchedule(together1.recording(), CYCLIC);
        assertFollowsOwnSchedule(together2.recording(), COSINE);

        Recording alone1 = Recording.run(CYCLIC).assertFinished().recording();
        Recording alone2 = Recording.run(COSINE).assertFinished().recording();
        assertSameRun(together1.recording(), alone1);
        assertSameRun(together2.recording(), alone2);
        // and the two differ from each other, so the comparison is not vacuous
        assertThat(alone1.losses()).isNotEqualTo(alone2.losses());
    }

    private static void assertFollowsOwnSchedule(Recording r, TrainingRequest request) {
        FormulaSchedule spec = (FormulaSchedule) request.schedule();
        int spe = r.plan.stepsPerEpoch();
        assertThat(r.iterations).hasSize(spe * request.epochs());
        for (IterationMetrics m : r.iterations) {
            assertThat(m.lr()).as("%s: lr of iteration %d", request.name(), m.iteration())
                    .isEqualTo(spec.lrAtIteration(m.iteration(), spe));
        }
    }

    private static void assertSameRun(Recording together, Recording alone) {
        assertThat(together.plan).isEqualTo(alone.plan);
        assertThat(together.iterations).isEqualTo(alone.iterations);
        assertThat(together.epochsWithoutTime()).isEqualTo(alone.epochsWithoutTime());
    }
}
