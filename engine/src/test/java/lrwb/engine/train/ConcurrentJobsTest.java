package lrwb.engine.train;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.FormulaSchedule;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs running at the same time share nothing: each trains exactly as it would alone. */
class ConcurrentJobsTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    private static final TrainingRequest CYCLIC = Recording.request("moons:samples=600", "mlp:16", "sgd",
            "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.3,\"stepSizeUp\":6,\"mode\":\"triangular2\"}", 4, 16, 21);
    private static final TrainingRequest COSINE = Recording.request("blobs", "mlp:8,8", "adam",
            "{\"type\":\"cosine\",\"lr\":0.02,\"decaySteps\":60,\"warmupSteps\":10,\"warmupTarget\":0.05}", 6, 16, 5);

    @Test
    void twoJobsAtOnceFollowTheirOwnSchedulesAndMatchTheirSoloRuns() throws Exception {
        // Each job waits after its 20th update until the other has made 20 too: both are surely mid-run at once.
        CyclicBarrier meet = new CyclicBarrier(2);
        AtomicInteger met = new AtomicInteger();
        TrainingListener rendezvous = new TrainingListener() {
            @Override
            public void onIteration(IterationMetrics m) {
                if (m.iteration() == 19) {
                    try {
                        meet.await(60, TimeUnit.SECONDS);
                        met.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        Recording.Started a = Recording.start(ENGINE, CYCLIC, rendezvous);
        Recording.Started b = Recording.start(ENGINE, COSINE, rendezvous);
        Recording.Finished together1 = a.join().assertFinished();
        Recording.Finished together2 = b.join().assertFinished();
        assertThat(met.get()).as("both jobs met mid-run").isEqualTo(2);
        assertThat(together1.recording().threads).doesNotContainAnyElementsOf(together2.recording().threads);

        assertFollowsOwnSchedule(together1.recording(), CYCLIC);
        assertFollowsOwnSchedule(together2.recording(), COSINE);

        Recording alone1 = Recording.run(ENGINE, CYCLIC).assertFinished().recording();
        Recording alone2 = Recording.run(ENGINE, COSINE).assertFinished().recording();
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
