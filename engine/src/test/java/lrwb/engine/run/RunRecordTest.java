package lrwb.engine.run;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed reader: requests round-trip through run.json, and damaged records read as far as they can. */
class RunRecordTest {
    private static final TrainingRequest TRAINING = new TrainingRequest(
            new DataOptions("csv:/data/x.csv", "species", HeaderMode.YES, 0.25, 500, 9), ModelSpec.parse("mlp:32,16"),
            OptimizerSpec.parse("nesterov:0.95"), ScheduleJson.parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.1,"
            + "\"stepSizeUp\":20,\"mode\":\"triangular2\"}"), 12, 64, 9, "my run");

    @Test
    void requestsRoundTripThroughTheirJson() {
        assertThat(TrainingRequest.fromJson(TRAINING.toJson())).isEqualTo(TRAINING);
        TrainingRequest unnamed = TRAINING.withName(null);
        assertThat(TrainingRequest.fromJson(unnamed.toJson())).isEqualTo(unnamed);
        RangeTestRequest range = new RangeTestRequest(DataOptions.of("moons:samples=500,noise=0.2").withSeed(3), ModelSpec.cnn(),
                OptimizerSpec.parse("adam"), 48, new RangeTestConfig(1e-6, 3, 250, SweepMode.LINEAR, 0.9, 5, 7, 2, 3));
        assertThat(RangeTestRequest.fromJson(range.toJson())).isEqualTo(range);
        assertThat(DataOptions.fromJson(DataOptions.of("iris").toJson())).isEqualTo(DataOptions.of("iris"));
    }

    @Test
    void runJsonRecordsEveryOptimizerSetting() {
        TrainingRequest request = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
                OptimizerSpec.parse("rmsprop:eps=1e-6"), TRAINING.schedule(), 1, 16, 1, null);
        assertThat(request.toJson().get("optimizer").asText()).isEqualTo("rmsprop:rho=0.99,eps=0.000001");
        assertThat(TrainingRequest.fromJson(request.toJson())).isEqualTo(request);
        // Records written before the settings existed still read.
        var old = request.toJson().put("optimizer", "adam");
        assertThat(TrainingRequest.fromJson(old).optimizer()).isEqualTo(OptimizerSpec.parse("adam:beta1=0.9,beta2=0.999,eps=1e-8"));
    }

    @Test
    void runJsonRecordsTheWeightDecay() {
        for (String optimizer : new String[] {"adamw", "adamw:wd=0", "sgdw:momentum=0.9,wd=5e-4", "momentum:wd=1e-4", "adam:wd=1e-4"}) {
            TrainingRequest training = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
                    OptimizerSpec.parse(optimizer), TRAINING.schedule(), 1, 16, 1, null);
            assertThat(TrainingRequest.fromJson(training.toJson())).as(optimizer).isEqualTo(training);
            RangeTestRequest range = new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
                    OptimizerSpec.parse(optimizer), 16, RangeTestConfig.defaults());
            assertThat(RangeTestRequest.fromJson(range.toJson())).as(optimizer).isEqualTo(range);
        }
        TrainingRequest adamw = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
                OptimizerSpec.parse("adamw"), TRAINING.schedule(), 1, 16, 1, null);
        assertThat(adamw.toJson().get("optimizer").asText()).isEqualTo("adamw:beta1=0.9,beta2=0.999,eps=1e-8,wd=0.01");
        TrainingRequest sgd = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
                OptimizerSpec.parse("momentum:wd=1e-4"), TRAINING.schedule(), 1, 16, 1, null);
        assertThat(sgd.toJson().get("optimizer").asText()).isEqualTo("momentum:momentum=0.9,wd=0.0001");
    }

    @Test
    void aConfigThatIsNoRequestIsNamedAndTheRestStillRead() {
        var broken = TRAINING.toJson();
        broken.remove("epochs");
        assertThatThrownBy(() -> TrainingRequest.fromJson(broken)).hasMessage("epochs is missing or not an integer");
    }

    @Test
    void impossibleRowsAreLeftOutAndNamed(@TempDir Path dir) throws IOException {
        RecordFolder folder = RecordFolder.start(RunTarget.folder(dir, false).claim(RunKind.TRAINING, "x"), RunKind.TRAINING, "x",
                TRAINING.toJson());
        folder.end(RunStatus.FINISHED, "finished 3 epochs");
        Files.writeString(dir.resolve(RunFiles.ITERATIONS), RunFiles.ITERATIONS_HEADER + "\n0,0,0.1,2.0\n1,0,0.1,1.9\n1,0,0.1,1.8\n2,0,-3,1.7\n");
        Files.writeString(dir.resolve(RunFiles.EPOCHS), RunFiles.EPOCHS_HEADER
                + "\n0,0.1,1.5,0.5,1.6,0.5,0.2\n1,0.1,1.2,0.6,1.3,2.5,0.2\n2,0.1,1.0,0.7,1.1,0.7,0.2\n3,0.1,1.0,0.7,1.1,0.7");

        TrainingRecord record = TrainingRecord.read(dir);

        assertThat(record.iterations().iteration()).containsExactly(0, 1);
        assertThat(record.epochs()).extracting(e -> e.epoch()).containsExactly(0, 2);
        assertThat(record.bestValAccuracy()).isEqualTo(0.7);
        assertThat(record.run().isDamaged()).isTrue();
        assertThat(record.run().problems()).containsExactly(
                "iterations.csv line 4: iteration 1 is not a whole number after 1 (left out)",
                "iterations.csv line 5: lr -3 is not a finite number > 0 (left out)",
                "epochs.csv line 3: val_accuracy 2.5 is outside [0, 1] (left out)");
        assertThat(record.run().status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void aFolderWithoutReadableRunJsonIsReadAsDamaged(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("20261201-120000-rangetest-x"));
        Files.writeString(run.resolve(RunFiles.RANGE), RunFiles.RANGE_HEADER + "\n0,1e-5,2.0,2.0\n1,1e-4,1.9,1.95\n");
        RangeTestRecord record = RangeTestRecord.read(run);
        assertThat(record.run().status()).isEqualTo(RunStatus.DAMAGED);
        assertThat(record.run().kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(record.run().name()).isEqualTo("20261201-120000-rangetest-x");
        assertThat(record.run().problems()).containsExactly("no run.json");
        assertThat(record.points()).hasSize(2);
        assertThat(record.run().config().isKnown()).isFalse();
    }

    @Test
    void renamingWritesRunJsonAndIsRefusedWhileRunning(@TempDir Path dir) throws IOException {
        RecordFolder folder = RecordFolder.start(RunTarget.folder(dir, false).claim(RunKind.TRAINING, "x"), RunKind.TRAINING, "x",
                TRAINING.toJson());
        assertThatThrownBy(() -> RunRecord.read(dir).renamed("y")).hasMessageContaining("still being written");
        folder.end(RunStatus.FINISHED, "done");
        assertThat(RunRecord.read(dir).renamed("baseline").name()).isEqualTo("baseline");
        assertThat(RunInfo.read(dir).name()).isEqualTo("baseline");
        assertThat(RunInfo.read(dir).status()).isEqualTo(RunStatus.FINISHED);
    }
}
