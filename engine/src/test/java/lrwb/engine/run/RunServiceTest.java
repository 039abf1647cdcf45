package lrwb.engine.run;

import lrwb.engine.data.DataOptions;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingRequest;
import lrwb.engine.runtime.EngineContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run service: one way to start, steer, record and end both kinds of run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunServiceTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private final RunService service = new RunService(ENGINE);

    @AfterEach
    void close() {
        service.close();
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static RangeTestRequest rangeTest(String data, String optimizer, int batch, int iterations) {
        return new RangeTestRequest(DataOptions.of(data), ModelSpec.parse("mlp:16"), OptimizerSpec.parse(optimizer), batch,
                RangeTestConfig.of(1e-5, 1, iterations, SweepMode.EXP));
    }

    private static TrainingRequest training(String data, int epochs, int batch) {
        return new TrainingRequest(DataOptions.of(data), ModelSpec.parse("mlp:16"), OptimizerSpec.parse("sgd"),
                new ConstantSchedule(0.05), epochs, batch, 7, null);
    }

    @Test
    void aRangeTestIsRecordedCompletelyAndReadsBackAsItsOwnRequest(@TempDir Path runs) throws Exception {
        List<Object> heard = new CopyOnWriteArrayList<>();
        RangeTestRequest request = rangeTest("iris", "sgd", 16, 30);
        RunHandle handle = service.startRangeTest(request, RunTarget.newFolderIn(runs), new RunListener() {
            @Override
            public void onStarted(RunStart start) {
                heard.add(start);
            }

            @Override
            public void onRangePoint(lrwb.engine.finder.RangePoint point) {
                heard.add(point);
            }

            @Override
            public void onEnded(RunOutcome outcome) {
                heard.add(outcome);
            }
        });
        assertThat(handle.kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(handle.folder().getParent()).isEqualTo(runs);
        assertThat(handle.folder().getFileName().toString()).contains("-rangetest-iris-mlp-16-sgd");
        assertThat(handle.canPause()).isFalse();
        assertThatThrownBy(handle::pause).isInstanceOf(IllegalStateException.class).hasMessage("a range test cannot be paused");

        RunOutcome outcome = handle.await();
        assertThat(outcome.status()).isIn(RunStatus.FINISHED, RunStatus.DIVERGED);
        assertThat(heard.get(0)).isInstanceOf(RunStart.class);
        assertThat(((RunStart) heard.get(0)).stepsPerEpoch()).isEqualTo(8); // 120 training rows of iris, batches of 16
        assertThat(heard.get(heard.size() - 1)).isEqualTo(outcome);
        assertThat(heard).filteredOn(o -> o instanceof lrwb.engine.finder.RangePoint).hasSize(outcome.rangeTest().points().size());

        RangeTestRecord record = RangeTestRecord.read(handle.folder());
        assertThat(record.run().problems()).isEmpty();
        assertThat(record.run().status()).isEqualTo(outcome.status());
        assertThat(record.run().config().rangeTest()).isEqualTo(request);
        assertThat(record.run().config().stepsPerEpoch()).isEqualTo(8);
        assertThat(record.run().config().trainSize()).isEqualTo(120);
        assertThat(record.points()).isEqualTo(outcome.rangeTest().points());
        assertThat(record.suggestions()).isEqualTo(outcome.rangeTest().suggestions());
        assertThat(handle.folder().resolve(RunFiles.LOCK)).doesNotExist();
    }

    @Test
    void aRangeTestCanBeCancelledAndKeepsAFullRecord(@TempDir Path runs) throws Exception {
        CountDownLatch some = new CountDownLatch(5);
        RunHandle handle = service.startRangeTest(rangeTest("moons:samples=600", "sgd", 16, 100_000),
                RunTarget.newFolderIn(runs), new RunListener() {
                    @Override
                    public void onRangePoint(lrwb.engine.finder.RangePoint point) {
                        some.countDown();
                    }
                });
        assertThat(some.await(30, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        RunOutcome outcome = handle.await();
        assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
        RangeTestRecord record = RangeTestRecord.read(handle.folder());
        assertThat(record.run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(record.run().info().endedAt()).isNotNull();
        assertThat(record.points()).hasSize(outcome.rangeTest().points().size()).hasSizeLessThan(100_000);
        assertThat(handle.folder().resolve(RunFiles.SUGGESTIONS)).exists();
        assertThat(Files.readString(handle.folder().resolve(RunFiles.RANGE))).endsWith("\n");
    }

    @Test
    void aTrainingRunIsSteeredThroughItsHandleAndReadsBackAsItsOwnRequest(@TempDir Path dir) throws Exception {
        TrainingRequest request = training("iris", 3, 16);
        List<IterationMetrics> iterations = new CopyOnWriteArrayList<>();
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch pauseGiven = new CountDownLatch(1);
        Path out = dir.resolve("run");
        RunHandle handle = service.startTraining(request, RunTarget.folder(out, false), new RunListener() {
            @Override
            public void onStarted(RunStart start) {
                assertThat(start.plannedIterations()).isEqualTo(24);
                assertThat(start.plannedEpochs()).isEqualTo(3);
                try { // 24 iris updates can all be done before the test thread gets to pause; hold the job until it has
                    pauseGiven.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onIteration(IterationMetrics m) {
                iterations.add(m);
                started.countDown();
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }

            @Override
            public void onEvent(TrainingEvent e) {
                if (e.kind() == TrainingEvent.Kind.PAUSED) {
                    paused.countDown();
                }
            }
        });
        handle.pause();
        pauseGiven.countDown();
        assertThat(handle.canPause()).isTrue();
        assertThat(handle.canOverrideLr()).isTrue();
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        int atPause = iterations.size();
        handle.overrideLr(0.01);
        handle.resume();
        RunOutcome outcome = handle.await();
        assertThat(outcome.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(iterations).hasSize(24);
        assertThat(iterations.get(atPause).lr()).isEqualTo(0.01);

        TrainingRecord record = TrainingRecord.read(out);
        assertThat(record.run().problems()).isEmpty();
        assertThat(record.run().config().training()).isEqualTo(request);
        assertThat(record.iterations().size()).isEqualTo(24);
        assertThat(record.iterations().lr()[atPause]).isEqualTo(0.01);
        assertThat(record.epochs()).isEqualTo(epochs);
        assertThat(record.events()).extracting(TrainingEvent::kind)
                .containsExactly(TrainingEvent.Kind.PAUSED, TrainingEvent.Kind.RESUMED, TrainingEvent.Kind.LR_OVERRIDDEN); // given while paused, applied on resuming
        assertThat(out.resolve(RunFiles.LOCK)).doesNotExist();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("never");
        RunTarget target = RunTarget.folder(out, false);
        assertRefused(() -> service.startTraining(training("iris", 1, 5000), target, RunListener.NONE),
                RunRefusedException.Field.BATCH_SIZE,
                "batchSize 5000 is larger than the training set (120 examples of iris); use 120 or less");
        assertRefused(() -> service.startTraining(training("csv:" + dir.resolve("missing.csv"), 1, 16), target, RunListener.NONE),
                RunRefusedException.Field.DATA, null);
        assertRefused(() -> service.startTraining(new TrainingRequest(DataOptions.of("iris"), ModelSpec.cnn(),
                        OptimizerSpec.parse("sgd"), new ConstantSchedule(0.1), 1, 16, 1, null), target, RunListener.NONE),
                RunRefusedException.Field.MODEL, null);
        assertRefused(() -> service.startTraining(training("iris", 1, 16), RunTarget.folder(Path.of(""), false), RunListener.NONE),
                RunRefusedException.Field.OUT, "out must name a folder (got an empty path)");
        assertThat(out).doesNotExist();
    }

    @Test
    void anotherRunIsNeverOverwrittenUnlessAskedAndNeverWhileItIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        service.startTraining(training("iris", 1, 16), RunTarget.folder(out, false), RunListener.NONE).await();
        byte[] before = Files.readAllBytes(out.resolve(RunFiles.ITERATIONS));
        assertRefused(() -> service.startTraining(training("iris", 1, 16), RunTarget.folder(out, false), RunListener.NONE),
                RunRefusedException.Field.OUT,
                "out " + out + " already holds a run record: choose another folder, or allow replacing it (--overwrite)");
        assertThat(Files.readAllBytes(out.resolve(RunFiles.ITERATIONS))).isEqualTo(before);

        CountDownLatch running = new CountDownLatch(1);
        RunHandle live = service.startTraining(training("moons:samples=2000", 200, 16), RunTarget.folder(out, true), new RunListener() {
            @Override
            public void onIteration(IterationMetrics m) {
                running.countDown();
            }
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertRefused(() -> service.startTraining(training("iris", 1, 16), RunTarget.folder(out, true), RunListener.NONE),
                RunRefusedException.Field.OUT, "out " + out + " is being written by another run of this program: choose another folder");
        live.cancel();
        assertThat(live.await().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(RunRecord.read(out).config().training().data().source()).isEqualTo("moons:samples=2000");
    }

    @Test
    void heldRowsReachTheDiskWhileTheJobIsBusyElsewhere(@TempDir Path dir) throws IOException {
        TrainingRequest request = training("iris", 1, 16);
        TrainingRecorder recorder = (TrainingRecorder) TestRecorders.training(dir, request);
        recorder.onIteration(new IterationMetrics(0, 0, 0.05, 1.0));
        recorder.onEpoch(new EpochMetrics(0, 0.05, 1.0, 0.5, 1.1, 0.5, 0.01)); // held: just after the last flush
        try (RecordFlusher flusher = new RecordFlusher()) {
            flusher.add(recorder);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long start = System.nanoTime();
            while (Files.readAllLines(dir.resolve(RunFiles.EPOCHS)).size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(Files.readAllLines(dir.resolve(RunFiles.EPOCHS))).hasSize(2);
            assertThat(Files.readAllLines(dir.resolve(RunFiles.ITERATIONS))).hasSize(2);
            assertThat(seconds).as("seconds until the held row was on disk").isLessThan(0.4);
        }
    }

    private interface Start {
        RunHandle run() throws IOException;
    }

    private static void assertRefused(Start start, RunRefusedException.Field field, String message) {
        assertThatThrownBy(start::run).isInstanceOfSatisfying(RunRefusedException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).doesNotContain("\n");
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }
}
