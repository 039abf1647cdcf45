package lrwb.engine.train;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.TestRecorders;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.ConstantSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How jobs end when training blows up or cannot start, and that one job's failure leaves others alone. */
class JobEndingsTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    @Test
    void aHugeLrDivergesNamingTheIterationAndKeepsTheMetricsUpToIt(@TempDir Path dir) throws Exception {
        TrainingRequest request = Recording.request("blobs", "mlp:16", "sgd", "{\"type\":\"constant\",\"lr\":1e6}", 50, 16, 3);
        TrainingListener recorder = TestRecorders.training(dir, request);
        Recording.Finished f = Recording.run(ENGINE, request, recorder);
        TrainingEvent end = f.end();
        Recording r = f.recording();

        assertThat(end.kind()).isEqualTo(TrainingEvent.Kind.DIVERGED);
        assertThat(end.message()).contains("at iteration " + end.iteration()).contains("lr 1000000.0")
                .contains("lower the learning rate");
        assertThat(r.events(TrainingEvent.Kind.FINISHED)).isEmpty();
        // every update up to and including the one whose loss blew up is reported, in order
        assertThat(r.iterations).hasSize((int) end.iteration() + 1);
        for (int i = 0; i < r.iterations.size(); i++) {
            IterationMetrics m = r.iterations.get(i);
            assertThat(m.iteration()).isEqualTo(i);
            assertThat(m.lr()).isEqualTo(1e6);
            if (i < r.iterations.size() - 1) {
                assertThat(m.loss()).as("loss of iteration %d", i).isFinite();
            } else {
                assertThat(m.loss()).as("loss of the last iteration").matches(l -> !Double.isFinite(l));
            }
        }
        assertThat(end.epoch()).isEqualTo(r.iterations.get(r.iterations.size() - 1).epoch());
        assertThat(r.epochs).hasSize(end.epoch()); // the epochs that completed before it

        List<String> rows = Files.readAllLines(dir.resolve(RunFiles.ITERATIONS));
        assertThat(rows).hasSize(r.iterations.size() + 1);
        String[] last = rows.get(rows.size() - 1).split(",");
        assertThat(Long.parseLong(last[0])).isEqualTo(end.iteration());
        assertThat(Double.parseDouble(last[3])).matches(l -> !Double.isFinite(l));
        assertThat(Files.readAllLines(dir.resolve(RunFiles.EPOCHS))).hasSize(r.epochs.size() + 1);
        RunInfo info = RunInfo.read(dir);
        assertThat(info.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(info.message()).isEqualTo(end.message());
        assertThat(info.endedAt()).isNotNull();
    }

    @Test
    void divergingInALaterEpochKeepsTheEpochsBefore(@TempDir Path dir) throws Exception {
        // blobs: 240 training rows, 15 batches of 16: a sane LR for two epochs, then a huge one
        TrainingRequest request = Recording.request("blobs", "mlp:16", "sgd",
                "{\"type\":\"piecewise\",\"boundaries\":[29],\"values\":[0.05,1e6]}", 50, 16, 3);
        Recording.Finished f = Recording.run(ENGINE, request, TestRecorders.training(dir, request));
        TrainingEvent end = f.end();
        Recording r = f.recording();

        assertThat(r.plan.stepsPerEpoch()).isEqualTo(15);
        assertThat(end.kind()).isEqualTo(TrainingEvent.Kind.DIVERGED);
        assertThat(end.iteration()).isGreaterThanOrEqualTo(30);
        assertThat(end.message()).contains("at iteration " + end.iteration());
        assertThat(r.iterations).hasSize((int) end.iteration() + 1);
        assertThat(r.epochs).hasSize(end.epoch()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.epochs.get(1).valAccuracy()).as("trained fine before the jump").isGreaterThan(0.8);
        assertThat(r.epochs).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        List<String> epochRows = Files.readAllLines(dir.resolve(RunFiles.EPOCHS));
        assertThat(epochRows).hasSize(r.epochs.size() + 1);
        EpochMetrics first = r.epochs.get(0);
        assertThat(epochRows.get(1)).isEqualTo(first.epoch() + "," + first.lr() + "," + first.trainLoss() + ","
                + first.trainAccuracy() + "," + first.valLoss() + "," + first.valAccuracy() + "," + first.seconds());
        assertThat(Files.readAllLines(dir.resolve(RunFiles.ITERATIONS))).hasSize(r.iterations.size() + 1);
        assertThat(RunInfo.read(dir).status()).isEqualTo(RunStatus.DIVERGED);
    }

    @Test
    void aMissingCsvFailsReadablyWhileAnotherJobFinishes(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere.csv");
        TrainingRequest good = Recording.request("moons:samples=600", "mlp:16", "sgd", "{\"type\":\"constant\",\"lr\":0.1}", 6, 16, 1);
        // Held before its first update: a small network trains its 180 updates in milliseconds, before the bad job
        // below has failed (or before a pause given after the start), so "still running" would depend on the machine.
        Recording.Started running = Recording.startPaused(ENGINE, good);

        TrainingRequest bad = Recording.request("csv:" + missing, "mlp:16", "sgd", "{\"type\":\"constant\",\"lr\":0.1}", 3, 16, 1);
        Path runDir = Files.createDirectory(dir.resolve("run"));
        Recording.Finished failed = Recording.run(ENGINE, bad, TestRecorders.training(runDir, bad));

        assertThat(failed.end().kind()).isEqualTo(TrainingEvent.Kind.FAILED);
        assertThat(failed.end().message()).contains(missing.toString()).doesNotContain("Exception").doesNotContain("\n");
        assertThat(failed.recording().plan).as("never started training").isNull();
        assertThat(failed.recording().iterations).isEmpty();
        assertThat(failed.recording().events).extracting(TrainingEvent::kind).containsExactly(TrainingEvent.Kind.FAILED);
        RunInfo info = RunInfo.read(runDir);
        assertThat(info.status()).isEqualTo(RunStatus.FAILED);
        assertThat(info.message()).isEqualTo(failed.end().message());
        assertThat(running.job().ended()).as("the other job is still running").isNotDone();

        running.job().resume();
        Recording.Finished other = running.join().assertFinished();
        assertThat(other.recording().iterations).hasSize(other.recording().plan.stepsPerEpoch() * 6);
        assertThat(other.recording().epochs).hasSize(6);
    }

    @Test
    void aCnnOnTabularDataFailsReadablyWhileAnotherJobFinishes() throws Exception {
        TrainingRequest good = Recording.request("iris", "mlp:8", "adam", "{\"type\":\"constant\",\"lr\":0.01}", 10, 8, 1);
        Recording.Started running = Recording.start(ENGINE, good);
        TrainingRequest cnn = new TrainingRequest(DataOptions.of("iris"), ModelSpec.cnn(), OptimizerSpec.parse("sgd"),
                new ConstantSchedule(0.1), 2, 16, 1, "cnn on iris");
        Recording.Finished failed = Recording.run(ENGINE, cnn);

        assertThat(failed.end().kind()).isEqualTo(TrainingEvent.Kind.FAILED);
        assertThat(failed.end().message()).containsIgnoringCase("cnn").contains("iris").doesNotContain("Exception");
        assertThat(failed.recording().iterations).isEmpty();
        Recording.Finished other = running.join().assertFinished();
        assertThat(other.recording().epochs).hasSize(10);
    }
}
