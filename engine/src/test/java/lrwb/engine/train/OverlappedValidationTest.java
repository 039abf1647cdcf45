package lrwb.engine.train;

import lrwb.engine.model.Network;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.TestRecorders;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network big enough to be validated in the background while the next epoch trains reports the same epoch rows,
 * in order and all of them, as a run that validates each epoch before going on (a plateau schedule whose patience
 * never runs out: it needs each epoch's figures first, and keeps the same constant LR).
 */
class OverlappedValidationTest {
    /** Overlap allowed whatever the machine (by default it is only with a second core). */
    private static final EngineContext ENGINE = EngineContext.create(EngineTuning.defaults().withOverlapValidation(true));

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static final String MODEL = "mlp:64,64";

    @Test
    void backgroundValidationGivesTheRowsOfImmediateValidation(@TempDir Path dir) throws Exception {
        TrainingRequest overlapped = Recording.request("spirals", MODEL, "adam", "{\"type\":\"constant\",\"lr\":0.01}", 4, 32, 5);
        TrainingRequest immediate = Recording.request("spirals", MODEL, "adam",
                "{\"type\":\"plateau\",\"lr\":0.01,\"patience\":1000}", 4, 32, 5);
        TrainingListener recorder = TestRecorders.training(dir, overlapped);
        LoadedData data = Datasets.load(overlapped.data());
        MultiLayerNetwork net = Networks.build(overlapped.model(), overlapped.optimizer(), SteerableSchedule.constant(0.01),
                NetworkShape.of(data), 5, EngineTuning.defaults());
        assertThat(Evaluation.runsInJava(Network.of(net), data.validation())).as("validated in the background").isFalse();

        Recording.Finished a = Recording.run(ENGINE, overlapped, recorder);
        Recording.Finished b = Recording.run(ENGINE, immediate);

        assertThat(a.end().kind()).isEqualTo(TrainingEvent.Kind.FINISHED);
        assertThat(a.recording().losses()).isEqualTo(b.recording().losses());
        assertThat(a.recording().epochsWithoutTime()).isEqualTo(b.recording().epochsWithoutTime()).hasSize(4);
        assertThat(a.recording().epochs).allSatisfy(e -> assertThat(e.valLoss()).isFinite());
        // every callback on the job's thread, every epoch row on disk before the run ended
        assertThat(Files.readAllLines(dir.resolve(RunFiles.EPOCHS))).hasSize(5);
    }

    @Test
    void aStoppedRunKeepsTheRowOfItsLastCompletedEpoch(@TempDir Path dir) throws Exception {
        TrainingRequest request = Recording.request("spirals", MODEL, "adam", "{\"type\":\"constant\",\"lr\":0.01}", 50, 32, 5);
        TrainingListener recorder = TestRecorders.training(dir, request);
        // Cancelled from its own thread at the third epoch's first update: its 400 small updates take milliseconds,
        // less than a test thread may wait for a core.
        java.util.concurrent.atomic.AtomicReference<TrainingJob> job = new java.util.concurrent.atomic.AtomicReference<>();
        TrainingListener cancelInTheThirdEpoch = new TrainingListener() {
            private int stepsPerEpoch;

            @Override
            public void onStarted(TrainingPlan plan) {
                stepsPerEpoch = plan.stepsPerEpoch();
            }

            @Override
            public void onIteration(IterationMetrics m) {
                if (m.iteration() == 2L * stepsPerEpoch) {
                    job.get().cancel();
                }
            }
        };
        Recording.Started s = Recording.startPaused(ENGINE, request, recorder, cancelInTheThirdEpoch);
        job.set(s.job());
        s.job().resume();
        TrainingEvent end = s.job().ended().get();
        assertThat(end.iteration()).isEqualTo(2L * s.recording().plan.stepsPerEpoch() + 1);
        assertThat(end.kind()).isEqualTo(TrainingEvent.Kind.CANCELLED);
        List<EpochMetrics> epochs = s.recording().epochs;
        int completed = end.epoch();
        assertThat(epochs).extracting(EpochMetrics::epoch).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, completed).boxed().toList());
        assertThat(Files.readAllLines(dir.resolve(RunFiles.EPOCHS))).hasSize(completed + 1);
    }
}
