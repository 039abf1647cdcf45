package lrwb.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static lrwb.engine.run.ChildLrwb.assertConsecutive;
import static lrwb.engine.run.ChildLrwb.completeCsv;
import static lrwb.engine.run.ChildLrwb.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * cli.md: Ctrl-C (SIGINT) and SIGTERM stop find and train cleanly — exit 130, run.json cancelled with its end,
 * every file complete, the folder's lock let go of.
 */
class SignalTest {

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void sigintStopsFindCleanly(@TempDir Path dir) throws Exception {
        signalFind(dir, "INT");
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void sigtermStopsFindCleanly(@TempDir Path dir) throws Exception {
        signalFind(dir, "TERM");
    }

    private static void signalFind(Path dir, String signal) throws Exception {
        Path out = dir.resolve("find");
        try (ChildLrwb child = ChildLrwb.start(dir, "find", "find", "--dataset", "moons:samples=2000", "--iterations", "100000",
                "--end", "1e-3", "--out", out.toString())) {
            child.awaitUntil("200 range rows on disk", 25, () -> lines(out.resolve(RunFiles.RANGE)) > 200);
            child.signal(signal);
            int code = child.awaitExit(20);
            String err = child.stderr();
            assertThat(code).as("exit after SIG%s; stderr: %s", signal, err).isEqualTo(130);
            assertThat(err.lines().toList()).as("stderr").singleElement().asString()
                    .startsWith("lrwb find: cancelled; ");
            String stdout = child.stdout();
            assertThat(stdout).contains("of 100000 iterations (cancelled)");
            assertThat(stdout).containsAnyOf("steepest ", "no suggestions: ");
        }
        RunInfo info = RunInfo.read(out);
        assertThat(info.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(info.endedAt()).isNotNull().isAfter(info.startedAt());
        assertThat(out.resolve(RunFiles.SUGGESTIONS)).exists();
        assertThat(out.resolve(RunFiles.LOCK)).doesNotExist();
        List<String[]> rows = completeCsv(out.resolve(RunFiles.RANGE), RunFiles.RANGE_HEADER, 4);
        assertThat(rows.size()).isGreaterThan(200).isLessThan(100000);
        assertConsecutive(rows, RunFiles.RANGE);
        RangeTestRecord record = RangeTestRecord.read(out);
        assertThat(record.run().problems()).isEmpty();
        assertThat(record.points()).hasSize(rows.size());
        assertThat(record.run().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void sigtermStopsTrainCleanly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("train");
        try (ChildLrwb child = ChildLrwb.start(dir, "train", "train", "--dataset", "moons:samples=2000", "--lr", "0.05",
                "--epochs", "5000", "--out", out.toString())) { // 250,000 updates: running whenever the test acts
            child.awaitUntil("200 iteration rows and 2 epochs on disk", 25,
                    () -> lines(out.resolve(RunFiles.ITERATIONS)) > 200 && lines(out.resolve(RunFiles.EPOCHS)) > 2);
            child.signal("TERM");
            int code = child.awaitExit(20);
            String err = child.stderr();
            assertThat(code).as("exit after SIGTERM; stderr: %s", err).isEqualTo(130);
            assertThat(err.lines().toList()).as("stderr").singleElement().asString()
                    .startsWith("lrwb train: cancelled at iteration ");
        }
        RunInfo info = RunInfo.read(out);
        assertThat(info.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(info.endedAt()).isNotNull();
        long stoppedAt = Long.parseLong(info.message().replaceAll("^cancelled at iteration (\\d+).*$", "$1"));
        assertThat(out.resolve(RunFiles.LOCK)).doesNotExist();
        List<String[]> iterations = completeCsv(out.resolve(RunFiles.ITERATIONS), RunFiles.ITERATIONS_HEADER, 4);
        assertThat(iterations).as("every update before the stop").hasSize((int) stoppedAt);
        assertConsecutive(iterations, RunFiles.ITERATIONS);
        List<String[]> epochs = completeCsv(out.resolve(RunFiles.EPOCHS), RunFiles.EPOCHS_HEADER, 7);
        assertConsecutive(epochs, RunFiles.EPOCHS);
        assertThat(iterations.size()).isGreaterThanOrEqualTo(epochs.size() * 50);
        assertThat(Files.readString(out.resolve(RunFiles.EVENTS))).startsWith(RunFiles.EVENTS_HEADER + "\n").endsWith("\n");
        TrainingRecord record = TrainingRecord.read(out);
        assertThat(record.run().problems()).isEmpty();
        assertThat(record.iterations().size()).isEqualTo((int) stoppedAt);
    }
}
