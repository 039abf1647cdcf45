package lrwb.engine.run;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.cli.Lrwb;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static lrwb.engine.run.ChildLrwb.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cli.md "--out DIR": never an existing run unless --overwrite, never '', one writer at a time. */
class OutFolderTest {
    private static final String[] TRAIN = {"train", "--dataset", "moons:samples=200", "--lr", "0.05", "--epochs", "2"};

    /** One in-process run of the CLI. */
    record Cli(int code, String stdout, String stderr) {
        static Cli run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Lrwb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        List<String> errLines() {
            return stderr.lines().toList();
        }
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFolderBeingWrittenByAnotherProcessIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("live");
        try (ChildLrwb child = ChildLrwb.start(dir, "live", "train", "--dataset", "moons:samples=2000", "--lr", "0.05",
                "--epochs", "5000", "--out", out.toString())) { // 250,000 updates: running whenever the test acts
            child.awaitUntil("training under way", 25, () -> lines(out.resolve(RunFiles.ITERATIONS)) > 100);
            byte[] runJson = Files.readAllBytes(out.resolve(RunFiles.RUN_JSON));
            FileTime runJsonTime = Files.getLastModifiedTime(out.resolve(RunFiles.RUN_JSON));
            String refusal = "--out " + out + " is being written by process " + child.pid()
                    + ": choose another folder, or wait until it ends";
            String[][] seconds = {
                    with(TRAIN, "--out", out.toString()),
                    with(TRAIN, "--out", out.toString(), "--overwrite"),
                    {"find", "--dataset", "iris", "--iterations", "20", "--out", out.toString()},
                    {"find", "--dataset", "iris", "--iterations", "20", "--out", out.toString(), "--overwrite"}};
            for (String[] args : seconds) {
                Cli second = Cli.run(args);
                assertThat(second.code()).as("%s: %s", String.join(" ", args), second.stderr()).isEqualTo(2);
                assertThat(second.errLines()).as(String.join(" ", args)).containsExactly("lrwb " + args[0] + ": " + refusal);
                assertThat(second.stdout()).isEmpty();
            }
            assertThat(child.isAlive()).as("the first run goes on").isTrue();
            assertThat(Files.readAllBytes(out.resolve(RunFiles.RUN_JSON))).isEqualTo(runJson);
            assertThat(Files.getLastModifiedTime(out.resolve(RunFiles.RUN_JSON))).isEqualTo(runJsonTime);
            assertThat(out.resolve(RunFiles.RANGE)).doesNotExist();
            int before = lines(out.resolve(RunFiles.ITERATIONS));
            child.awaitUntil("more rows", 10, () -> lines(out.resolve(RunFiles.ITERATIONS)) > before + 50);
            child.signal("TERM");
            assertThat(child.awaitExit(20)).isEqualTo(130);
        }
        TrainingRecord record = TrainingRecord.read(out);
        assertThat(record.run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(record.run().problems()).isEmpty();
        assertThat(record.run().info().pid()).as("still the first run's record").isNotEqualTo(ProcessHandle.current().pid());
        for (int i = 0; i < record.iterations().size(); i++) {
            assertThat(record.iterations().iteration()[i]).isEqualTo(i);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void twoRunsOfOneServiceCannotShareAFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("shared");
        TrainingRequest request = new TrainingRequest(new DataOptions("moons:samples=2000", null, HeaderMode.AUTO, 0.2, null, 1),
                ModelSpec.mlp(8), OptimizerSpec.parse("sgd"), new ConstantSchedule(0.05), 1000, 32, 1, null);
        try (EngineContext engine = EngineContext.create(); RunService runs = new RunService(engine)) {
            RunHandle first = runs.startTraining(request, RunTarget.folder(out, true), new RunListener() {
            });
            // Held paused while it is checked: its 50,000 small updates can end within the other process's start-up.
            first.pause();
            try {
                for (boolean overwrite : new boolean[] {false, true}) {
                    assertThatThrownBy(() -> runs.startTraining(request, RunTarget.folder(out, overwrite), new RunListener() {
                    })).isInstanceOfSatisfying(RunRefusedException.class, e -> {
                        assertThat(e.field()).isEqualTo(RunRefusedException.Field.OUT);
                        assertThat(e.getMessage()).as("overwrite %s", overwrite)
                                .isEqualTo("out " + out + " is being written by another run of this program: choose another folder");
                    });
                }
                assertThat(RunInfo.read(out).status()).isEqualTo(RunStatus.RUNNING);
                // those refusals kept the folder's OS lock: another process is still refused (closing any channel
                // of this process on run.lock would have let go of it)
                try (ChildLrwb other = ChildLrwb.start(dir, "other", with(TRAIN, "--out", out.toString(), "--overwrite"))) {
                    assertThat(other.awaitExit(30)).as(other.stderr()).isEqualTo(2);
                    assertThat(other.stderr().lines().toList()).containsExactly("lrwb train: --out " + out
                            + " is being written by process " + ProcessHandle.current().pid()
                            + ": choose another folder, or wait until it ends");
                }
                assertThat(RunInfo.read(out).status()).isEqualTo(RunStatus.RUNNING);
            } finally {
                first.cancel();
            }
            assertThat(first.await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(out.resolve(RunFiles.LOCK)).doesNotExist();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anExistingRunIsKeptUnlessOverwriteIsGiven(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Cli first = Cli.run(with(TRAIN, "--out", out.toString()));
        assertThat(first.code()).as(first.stderr()).isZero();
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        Map<String, byte[]> bytes = new HashMap<>();
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                bytes.put(f.getFileName().toString(), Files.readAllBytes(f));
                times.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        assertThat(bytes.keySet()).containsExactlyInAnyOrder("run.json", "iterations.csv", "epochs.csv", "events.csv", "model.zip",
                "epoch-params.bin", "notes.txt"); // moons: a 2-D run records its epochs' parameters

        for (String[] args : new String[][] {with(TRAIN, "--out", out.toString()),
                {"find", "--dataset", "iris", "--iterations", "20", "--out", out.toString()}}) {
            Cli again = Cli.run(args);
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.errLines()).containsExactly("lrwb " + args[0] + ": --out " + out
                    + " already holds a run record: choose another folder, or allow replacing it (--overwrite)");
            assertThat(again.stdout()).isEmpty();
            try (Stream<Path> files = Files.list(out)) {
                List<Path> now = files.toList();
                assertThat(now).hasSize(bytes.size());
                for (Path f : now) {
                    String name = f.getFileName().toString();
                    assertThat(Files.readAllBytes(f)).as(name).isEqualTo(bytes.get(name));
                    assertThat(Files.getLastModifiedTime(f)).as(name).isEqualTo(times.get(name));
                }
            }
        }

        // What a kill in the middle of writing model.zip leaves (AtomicFile's hidden temporary file): --overwrite removes it.
        Files.writeString(out.resolve(".model.zip1234567.tmp"), "half a zip");
        Cli replaced = Cli.run("find", "--dataset", "iris", "--iterations", "20", "--out", out.toString(), "--overwrite");
        assertThat(replaced.code()).as(replaced.stderr()).isZero();
        RunRecord record = RunRecord.read(out);
        assertThat(record.kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.problems()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve(RunFiles.RUN_JSON))).isNotEqualTo(bytes.get("run.json"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the old run's rows are gone, other files kept")
                    .containsExactlyInAnyOrder("run.json", "range.csv", "suggestions.json", "notes.txt");
        }
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine\n");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void outMustNameAFolder(@TempDir Path dir) throws IOException {
        Cli empty = Cli.run(with(TRAIN, "--out", ""));
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.errLines()).containsExactly("lrwb train: --out must name a folder (got an empty path)");
        assertThat(empty.stdout()).isEmpty();
        Cli emptyFind = Cli.run("find", "--dataset", "iris", "--iterations", "20", "--out", "");
        assertThat(emptyFind.code()).isEqualTo(2);
        assertThat(emptyFind.errLines()).containsExactly("lrwb find: --out must name a folder (got an empty path)");

        Path file = Files.writeString(dir.resolve("a-file"), "not a folder\n");
        Path inside = file.resolve("run");
        for (String[] args : new String[][] {with(TRAIN, "--out", inside.toString()),
                {"find", "--dataset", "iris", "--iterations", "20", "--out", inside.toString()}}) {
            Cli refused = Cli.run(args);
            assertThat(refused.code()).as(refused.stderr()).isEqualTo(2);
            assertThat(refused.errLines()).containsExactly("lrwb " + args[0] + ": --out " + inside + ": " + file + " is a file, not a folder");
            assertThat(refused.stdout()).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("not a folder\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("a-file");
        }
    }
}
