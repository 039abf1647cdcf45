package lrwb.engine.run;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static lrwb.engine.run.ChildLrwb.assertConsecutive;
import static lrwb.engine.run.ChildLrwb.completeCsv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up mid-run (a small tmpfs; skipped where mounting is not permitted): exit 1 with one line on
 * stderr, run.json final (failed, saying why), every row on disk complete and no half-written last line.
 */
class DiskFullTest {
    private static final String SIZE = "64k";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void trainingOnAFullDiskFailsWithCompleteFiles(@TempDir Path dir) throws Exception {
        Path disk = mount(dir);
        try {
            Path out = disk.resolve("train");
            int code;
            String err;
            try (ChildLrwb child = ChildLrwb.start(dir, "train", "train", "--dataset", "moons:samples=1000", "--model", "mlp:8",
                    "--batch", "8", "--lr", "0.05", "--epochs", "2000", "--out", out.toString())) {
                code = child.awaitExit(50);
                err = child.stderr();
            }
            assertFailedOnFullDisk(out, code, err, "lrwb train: failed: ");
            List<String[]> iterations = completeCsv(out.resolve(RunFiles.ITERATIONS), RunFiles.ITERATIONS_HEADER, 4);
            assertThat(iterations.size()).as("rows before the disk filled").isGreaterThan(300).isLessThan(2000 * 100);
            assertConsecutive(iterations, RunFiles.ITERATIONS);
            List<String[]> epochs = completeCsv(out.resolve(RunFiles.EPOCHS), RunFiles.EPOCHS_HEADER, 7);
            assertConsecutive(epochs, RunFiles.EPOCHS);
            int steps = RunInfo.read(out).config().path("stepsPerEpoch").asInt();
            assertThat(steps).isEqualTo(100); // 800 training examples, batches of 8
            assertThat(iterations.size()).as("an epoch row on disk has its iterations there").isGreaterThanOrEqualTo(epochs.size() * steps);
            assertThat(Files.readString(out.resolve(RunFiles.EVENTS))).startsWith(RunFiles.EVENTS_HEADER + "\n").endsWith("\n");
            TrainingRecord record = TrainingRecord.read(out);
            assertThat(record.run().problems()).isEmpty();
            assertThat(record.iterations().size()).isEqualTo(iterations.size());
            assertThat(record.epochs()).hasSize(epochs.size());
        } finally {
            umount(disk);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRangeTestOnAFullDiskFailsWithCompleteFiles(@TempDir Path dir) throws Exception {
        Path disk = mount(dir);
        try {
            Path out = disk.resolve("find");
            int code;
            String err;
            try (ChildLrwb child = ChildLrwb.start(dir, "find", "find", "--dataset", "moons:samples=2000", "--iterations", "20000",
                    "--end", "1e-3", "--out", out.toString())) {
                code = child.awaitExit(50);
                err = child.stderr();
            }
            assertFailedOnFullDisk(out, code, err, "lrwb find: failed: ");
            List<String[]> range = completeCsv(out.resolve(RunFiles.RANGE), RunFiles.RANGE_HEADER, 4);
            assertThat(range.size()).isGreaterThan(300).isLessThan(20000);
            assertConsecutive(range, RunFiles.RANGE);
            RangeTestRecord record = RangeTestRecord.read(out);
            assertThat(record.run().problems()).isEmpty();
            assertThat(record.points()).hasSize(range.size());
        } finally {
            umount(disk);
        }
    }

    private static void assertFailedOnFullDisk(Path out, int code, String err, String prefix) throws IOException {
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(1);
        assertThat(err.lines().toList()).as("stderr").singleElement().asString().startsWith(prefix).contains("No space left on device");
        RunRecord run = RunRecord.read(out);
        assertThat(run.problems()).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.info().endedAt()).isNotNull();
        assertThat(run.info().message()).contains("No space left on device");
        assertThat(out.resolve(RunFiles.LOCK)).doesNotExist();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temp file left behind")
                    .allMatch(RunFiles.recordFiles()::contains);
        }
    }

    /** A {@value SIZE} tmpfs in {@code dir}; the test is skipped where mount is not permitted. */
    private static Path mount(Path dir) throws IOException, InterruptedException {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        int code;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", disk.toString())
                    .redirectErrorStream(true).start();
            code = p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            code = -1;
        }
        Assumptions.assumeTrue(code == 0, "cannot mount a tmpfs here");
        return disk;
    }

    private static void umount(Path disk) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", disk.toString()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("umount " + disk).isZero();
    }
}
