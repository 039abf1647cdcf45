package lrwb.engine.inspect;

import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.EpochParameters;
import lrwb.engine.run.EpochParametersRecord;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.RunTarget;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A 2-D run watched while it trains: the live boundary is computed from the job's parameter copies, and the run
 * records each epoch's parameters, so both show what the saved network shows at the same point.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveBoundaryTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final PlaneExtent EXTENT = new PlaneExtent(-3, 3, -2.5, 2.5);

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static TrainingRequest moons(int epochs) {
        return new TrainingRequest(DataOptions.of("moons:samples=200"), ModelSpec.parse("mlp:8"), OptimizerSpec.parse("sgd"),
                new ConstantSchedule(0.3), epochs, 16, 5, null);
    }

    @Test
    void theLastLiveFrameIsTheSavedNetworksBoundaryAndEveryEpochIsRecorded(@TempDir Path runs) throws Exception {
        BlockingQueue<LiveBoundary.Frame> frames = new LinkedBlockingQueue<>();
        AtomicReference<LiveBoundary> live = new AtomicReference<>();
        RunHandle handle;
        try (RunService service = new RunService(ENGINE)) {
            handle = service.startTraining(moons(3), RunTarget.newFolderIn(runs), new RunListener() {
                @Override
                public void onStarted(RunStart start) { // the job's thread, before its first update
                    live.set(LiveBoundary.watch(start.handle(), EXTENT, 24, frames::add));
                }
            });
            assertThat(handle.await().status()).isEqualTo(RunStatus.FINISHED);
        }
        // 160 training points in batches of 16: 10 updates an epoch; the last epoch's end is always handed out
        List<LiveBoundary.Frame> seen = new ArrayList<>();
        LiveBoundary.Frame last;
        do {
            last = frames.poll(20, TimeUnit.SECONDS);
            assertThat(last).as("the frame of the last epoch's end").isNotNull();
            seen.add(last);
        } while (!(last.epochEnd() && last.epoch() == 2));
        live.get().close();
        assertThat(seen.get(0).iteration()).as("the untrained start comes first").isZero();
        assertThat(last.iteration()).isEqualTo(30);

        RunInspection saved = RunInspection.open(handle.folder());
        DecisionBoundary expected = DecisionBoundary.of(saved.network(), EXTENT, 24);
        assertClose(last.boundary(), expected, 1e-5f); // the job's lean layers against the file's stock ones

        EpochParametersRecord record = saved.recordedEpochs();
        assertThat(record.problems()).isEmpty();
        assertThat(record.epochs()).extracting(EpochParameters::epoch).containsExactly(0, 1, 2);
        assertThat(record.epochs()).extracting(EpochParameters::iteration).containsExactly(10L, 20L, 30L);
        assertThat(record.paramCount()).isEqualTo(2 * 8 + 8 + 8 * 2 + 2);
        assertThat(record.epochs().get(2).params()).containsExactly(saved.network().params().toFloatVector());
        float[] savedOverItsPoints = saved.boundary(24).probabilities(); // the extent around the run's own points
        assertThat(saved.boundaryAt(record.epochs().get(2), 24).probabilities())
                .as("the last recorded epoch is the saved network").containsExactly(savedOverItsPoints);
        assertThat(saved.boundaryAt(record.epochs().get(0), 24).probabilities()).isNotEqualTo(savedOverItsPoints);
    }

    @Test
    void aRunOfOtherDataRecordsNoEpochParameters(@TempDir Path runs) throws Exception {
        try (RunService service = new RunService(ENGINE)) {
            TrainingRequest iris = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:4"), OptimizerSpec.parse("sgd"),
                    new ConstantSchedule(0.1), 2, 16, 5, null);
            RunHandle handle = service.startTraining(iris, RunTarget.newFolderIn(runs), RunListener.NONE);
            assertThat(handle.await().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(handle.folder().resolve(RunFiles.EPOCH_PARAMETERS)).doesNotExist();
            assertThat(EpochParametersRecord.read(handle.folder()).isEmpty()).isTrue();
            assertThat(Files.exists(handle.folder().resolve(RunFiles.MODEL))).isTrue();
        }
    }

    private static void assertClose(DecisionBoundary actual, DecisionBoundary expected, float tolerance) {
        float[] a = actual.probabilities();
        float[] e = expected.probabilities();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("probability %d", i).isCloseTo(e[i], within(tolerance));
        }
    }
}
