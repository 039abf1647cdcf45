package lrwb.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.ScheduleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lrwb train} end to end, in process: the files it writes, and bad input refused before writing any. */
class TrainCommandTest {
    private static final String ITERATIONS_HEADER = "iteration,epoch,lr,loss";
    private static final String EPOCHS_HEADER = "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void constantLrRunWritesEveryFileAndFinishes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("runs/first"); // created, parents included
        CliRun run = CliRun.of("train", "--dataset", "iris", "--model", "mlp:8", "--batch", "16", "--lr", "0.05",
                "--epochs", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).startsWith("epoch 1/2  lr 0.0500");
        assertThat(run.lines().get(1)).startsWith("epoch 2/2  lr 0.0500");
        assertThat(run.lines().get(2)).isEqualTo("finished: " + out.resolve("epochs.csv"));

        List<String> iterations = Files.readAllLines(out.resolve("iterations.csv"));
        assertThat(iterations.get(0)).isEqualTo(ITERATIONS_HEADER);
        assertThat(iterations).hasSize(1 + 16); // 120 training rows / 16 = 8 batches, 2 epochs
        for (int i = 1; i < iterations.size(); i++) {
            String[] f = iterations.get(i).split(",");
            assertThat(f).hasSize(4);
            assertThat(Long.parseLong(f[0])).isEqualTo(i - 1);
            assertThat(Integer.parseInt(f[1])).isEqualTo((i - 1) / 8);
            assertThat(Double.parseDouble(f[2])).isEqualTo(0.05);
            assertThat(Double.parseDouble(f[3])).isFinite().isPositive();
        }
        List<String> epochs = Files.readAllLines(out.resolve("epochs.csv"));
        assertThat(epochs.get(0)).isEqualTo(EPOCHS_HEADER);
        assertThat(epochs).hasSize(3);
        for (int e = 1; e < epochs.size(); e++) {
            String[] f = epochs.get(e).split(",");
            assertThat(f).hasSize(7);
            assertThat(Integer.parseInt(f[0])).isEqualTo(e - 1);
            assertThat(Double.parseDouble(f[1])).isEqualTo(0.05);
            assertThat(Arrays.stream(f).skip(2).mapToDouble(Double::parseDouble)).allMatch(Double::isFinite);
            assertThat(Double.parseDouble(f[3])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[5])).isBetween(0.0, 1.0);
        }
        assertThat(Files.readAllLines(out.resolve("events.csv"))).containsExactly("iteration,epoch,kind,lr,message");

        JsonNode info = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(info.path("kind").asText()).isEqualTo("training");
        assertThat(info.path("status").asText()).isEqualTo("finished");
        assertThat(info.path("message").asText()).isEqualTo("finished 2 epochs");
        assertThat(info.path("endedAt").isTextual()).isTrue();
        assertThat(info.path("seconds").isNumber()).isTrue();
        JsonNode config = info.path("config");
        assertThat(config.path("dataset").path("source").asText()).isEqualTo("iris");
        assertThat(config.path("dataset").path("valSplit").asDouble()).isEqualTo(0.2);
        assertThat(config.path("dataset").path("seed").asLong()).isEqualTo(42);
        assertThat(config.path("model").asText()).isEqualTo("mlp:8");
        assertThat(config.path("optimizer").asText()).isEqualTo("sgd");
        assertThat(config.path("schedule")).isEqualTo(JSON.readTree("{\"type\":\"constant\",\"lr\":0.05}"));
        assertThat(config.path("epochs").asInt()).isEqualTo(2);
        assertThat(config.path("batchSize").asInt()).isEqualTo(16);
        assertThat(config.path("seed").asLong()).isEqualTo(42);
        assertThat(config.path("stepsPerEpoch").asInt()).isEqualTo(8);
        assertThat(config.path("trainSize").asInt()).isEqualTo(120);
        assertThat(config.path("validationSize").asInt()).isEqualTo(30);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "iterations.csv", "epochs.csv", "events.csv", "model.zip");
        }
    }

    @Test
    void scheduleFromAFileIsFollowedUpdateByUpdate(@TempDir Path tmp) throws IOException {
        String json = "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1,\"stepSizeUp\":5,\"unit\":\"iteration\"}";
        Path spec = Files.writeString(tmp.resolve("cyclic.json"), json);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("train", "--dataset", "moons", "--model", "mlp:8", "--optimizer", "nesterov", "--schedule",
                spec.toString(), "--epochs", "3", "--batch", "48", "--seed", "7", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();

        FormulaSchedule schedule = (FormulaSchedule) ScheduleJson.parse(json);
        List<String> rows = Files.readAllLines(out.resolve("iterations.csv"));
        assertThat(rows).hasSize(1 + 3 * 5); // 240 training rows / 48
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Double.parseDouble(rows.get(i).split(",")[2])).isEqualTo(schedule.lrAtIteration(i - 1, 5));
        }
        JsonNode config = JSON.readTree(out.resolve("run.json").toFile()).path("config");
        assertThat(config.path("schedule").path("type").asText()).isEqualTo("cyclic");
        assertThat(config.path("schedule").path("maxLr").asDouble()).isEqualTo(0.1);
        assertThat(config.path("optimizer").asText()).isEqualTo("nesterov:0.9");
        assertThat(config.path("seed").asLong()).isEqualTo(7);
    }

    @Test
    void inlinePlateauReportsItsReductions(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("train", "--dataset", "moons", "--model", "mlp:8", "--schedule",
                "{\"type\":\"plateau\",\"lr\":0.5,\"monitor\":\"trainLoss\",\"patience\":0,\"factor\":0.5,\"threshold\":0.3}",
                "--epochs", "5", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> printed = run.lines().stream().filter(l -> l.startsWith("plateau: ")).toList();
        List<String> recorded = Files.readAllLines(out.resolve("events.csv")).stream()
                .filter(l -> l.contains(",plateau_reduction,")).toList();
        assertThat(printed).isNotEmpty().hasSameSizeAs(recorded);
        assertThat(printed.get(0)).contains("trainLoss did not improve").contains("lr 0.5 -> 0.25");
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).path("status").asText()).isEqualTo("finished");
    }

    @Test
    void divergenceExitsWithOneAndRecordsIt(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("train", "--dataset", "blobs", "--model", "mlp:16", "--batch", "16", "--lr", "1e6",
                "--epochs", "5", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.stderr()).startsWith("lrwb train: diverged: the loss became").contains("at iteration ");
        JsonNode info = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(info.path("status").asText()).isEqualTo("diverged");
        assertThat(run.stderr().strip()).endsWith(info.path("message").asText());
        assertThat(Files.readAllLines(out.resolve("iterations.csv")).size()).isGreaterThan(1);
    }

    @Test
    void anOutThatIsAFileIsBadInput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        for (Path out : List.of(file, file.resolve("run"))) {
            CliRun run = CliRun.of("train", "--dataset", "iris", "--lr", "0.1", "--epochs", "1", "--out", out.toString());
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.stderr()).startsWith("lrwb train: --out " + out + ": ")
                    .containsAnyOf(file + " is a file, not a folder", "cannot create the folder (Not a directory)");
            assertThat(Files.readString(file)).isEqualTo("keep me");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    static Stream<Arguments> badInputs() {
        String iris = "--dataset=iris";
        return Stream.of(
                Arguments.of("missing --epochs", List.of(iris, "--lr", "0.1"), "--epochs"),
                Arguments.of("both --lr and --schedule", List.of(iris, "--lr", "0.1", "--schedule",
                        "{\"type\":\"constant\",\"lr\":0.1}", "--epochs", "1"), "mutually exclusive"),
                Arguments.of("neither --lr nor --schedule", List.of(iris, "--epochs", "1"), "--schedule"),
                Arguments.of("schedule JSON cut short", List.of(iris, "--schedule", "{\"type\":\"cyclic\",", "--epochs", "1"),
                        "--schedule"),
                Arguments.of("schedule breaking a rule", List.of(iris, "--schedule",
                        "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.001}", "--epochs", "1"), "cyclic.maxLr"),
                Arguments.of("unknown schedule type", List.of(iris, "--schedule", "{\"type\":\"zigzag\",\"lr\":0.1}",
                        "--epochs", "1"), "zigzag"),
                Arguments.of("schedule file missing", List.of(iris, "--schedule", "no-such-schedule.json", "--epochs", "1"),
                        "no such file"),
                Arguments.of("epochs 0", List.of(iris, "--lr", "0.1", "--epochs", "0"), "--epochs must be"),
                Arguments.of("epochs not a number", List.of(iris, "--lr", "0.1", "--epochs", "ten"), "--epochs"),
                Arguments.of("lr 0", List.of(iris, "--lr", "0", "--epochs", "1"), "--lr"),
                Arguments.of("lr negative", List.of(iris, "--lr=-0.1", "--epochs", "1"), "--lr"),
                Arguments.of("unknown dataset", List.of("--dataset", "imagenet", "--lr", "0.1", "--epochs", "1"), "imagenet"),
                Arguments.of("csv file missing", List.of("--dataset", "csv:no/such/file.csv", "--lr", "0.1", "--epochs", "1"),
                        "no/such/file.csv"),
                Arguments.of("cnn on iris", List.of(iris, "--model", "cnn", "--lr", "0.1", "--epochs", "1"), "cnn"),
                Arguments.of("batch 0", List.of(iris, "--batch", "0", "--lr", "0.1", "--epochs", "1"), "--batch"),
                Arguments.of("unknown optimizer", List.of(iris, "--optimizer", "lion", "--lr", "0.1", "--epochs", "1"), "lion"),
                Arguments.of("bad model", List.of(iris, "--model", "mlp:0", "--lr", "0.1", "--epochs", "1"), "mlp"),
                Arguments.of("val split out of range", List.of(iris, "--val-split", "1.5", "--lr", "0.1", "--epochs", "1"),
                        "--val-split"),
                Arguments.of("limit 0", List.of(iris, "--limit", "0", "--lr", "0.1", "--epochs", "1"), "--limit"),
                Arguments.of("unknown synthetic parameter", List.of("--dataset", "moons:wobble=2", "--lr", "0.1", "--epochs", "1"),
                        "wobble"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineAndWritesNothing(String what, List<String> args, String named, @TempDir Path tmp)
            throws IOException {
        Path existing = Files.createDirectory(tmp.resolve("existing"));
        for (Path out : List.of(tmp.resolve("fresh"), existing)) {
            List<String> all = new ArrayList<>(List.of("train"));
            all.addAll(args);
            all.addAll(List.of("--out", out.toString()));
            CliRun run = CliRun.of(all.toArray(String[]::new));

            assertThat(run.exitCode()).as("%s: exit code (stderr: %s)", what, run.stderr()).isEqualTo(2);
            assertThat(run.stdout()).as(what).isEmpty();
            assertThat(run.errLines()).as("%s: one line on stderr", what).hasSize(1);
            assertThat(run.stderr()).as(what).startsWith("lrwb train: ").contains(named);
            if (out == existing) {
                try (Stream<Path> files = Files.list(existing)) {
                    assertThat(files).as("%s: nothing written to an existing --out", what).isEmpty();
                }
            } else {
                assertThat(out).as("%s: --out not created", what).doesNotExist();
            }
        }
    }
}
