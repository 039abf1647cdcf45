package lrwb.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EngineContextTest {
    private record Ran(Thread thread, String name) {
    }

    private static Ran runJob(EngineContext context, String name) throws Exception {
        CompletableFuture<Ran> ran = new CompletableFuture<>();
        context.startJob(name, () -> ran.complete(new Ran(Thread.currentThread(), Thread.currentThread().getName())));
        return ran.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aJobRunsOnTheThreadAnEarlierJobLeftIdleUnderItsOwnName() throws Exception {
        try (EngineContext context = EngineContext.create()) {
            Ran first = runJob(context, "train-first");
            // the pool takes its thread back once the task has returned: wait until it idles, waiting for work
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (first.thread().getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(first.name()).isEqualTo("train-first");
            assertThat(first.thread().getName()).isEqualTo("lrwb-job");
            assertThat(first.thread().isDaemon()).isTrue();

            Ran second = runJob(context, "range-test");
            assertThat(second.name()).isEqualTo("range-test");
            assertThat(second.thread()).isSameAs(first.thread());
        }
    }

    @Test
    void aJobStillRunsAfterItsContextWasClosed() throws Exception {
        EngineContext context = EngineContext.create();
        context.close();
        Ran ran = runJob(context, "train-late");
        assertThat(ran.name()).isEqualTo("train-late");
        assertThat(ran.thread().isDaemon()).isTrue();
    }
}
