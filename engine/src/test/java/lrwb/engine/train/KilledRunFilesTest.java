package lrwb.engine.train;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.TestRecorders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code lrwb train} in a separate JVM, killed hard (SIGKILL, no shutdown hook) in the middle of training:
 * what it leaves on disk is complete up to the kill and readable.
 */
class KilledRunFilesTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** 100,000 small updates: seconds, so the run is surely still training whenever the test acts (it is killed). */
    private static final int EPOCHS = 2000;

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void filesAreCompleteAndReadableAfterAKill(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Process child = startTraining(dir, out);
        int rowsBeforeKill;
        try {
            awaitRows(child, dir, out);
            // rows keep arriving on disk while it runs (flushed every quarter second), not only at the end
            int before = lines(out.resolve(RunFiles.ITERATIONS));
            Thread.sleep(700);
            rowsBeforeKill = lines(out.resolve(RunFiles.ITERATIONS));
            assertThat(rowsBeforeKill).as("iterations.csv lines 0.7 s apart").isGreaterThan(before);
            assertThat(child.isAlive()).as("still training when killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        List<String[]> iterationRows = completeRows(out.resolve(RunFiles.ITERATIONS), "iteration,epoch,lr,loss");
        assertThat(iterationRows.size()).as("rows kept").isGreaterThanOrEqualTo(rowsBeforeKill - 1);
        for (int i = 0; i < iterationRows.size(); i++) {
            String[] f = iterationRows.get(i);
            assertThat(f).as("iterations row %d: %s", i, Arrays.toString(f)).hasSize(4);
            assertThat(Long.parseLong(f[0])).isEqualTo(i);
            assertThat(Integer.parseInt(f[1])).isEqualTo(i / 50); // 1600 training rows, batches of 32
            assertThat(Double.parseDouble(f[2])).isEqualTo(0.05);
            assertThat(Double.parseDouble(f[3])).isFinite();
        }
        List<String[]> epochRows = completeRows(out.resolve(RunFiles.EPOCHS),
                "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds");
        assertThat(epochRows).hasSizeGreaterThanOrEqualTo(2);
        for (int e = 0; e < epochRows.size(); e++) {
            String[] f = epochRows.get(e);
            assertThat(f).as("epochs row %d: %s", e, Arrays.toString(f)).hasSize(7);
            assertThat(Integer.parseInt(f[0])).isEqualTo(e);
            for (int k = 1; k < 7; k++) {
                assertThat(Double.parseDouble(f[k])).isFinite();
            }
        }
        // an epoch row is written after its last update: those updates are all on disk
        assertThat(iterationRows.size()).isGreaterThanOrEqualTo(epochRows.size() * 50);

        JsonNode json = new ObjectMapper().readTree(out.resolve(RunFiles.RUN_JSON).toFile());
        assertThat(json.path("status").asText()).isEqualTo("running");
        assertThat(json.path("endedAt").isNull()).isTrue();
        assertThat(json.path("pid").asLong()).isEqualTo(child.pid());
        assertThat(json.path("config").path("epochs").asInt()).isEqualTo(EPOCHS);
        assertThat(json.path("config").path("stepsPerEpoch").asInt()).isEqualTo(50);
        assertThat(RunInfo.read(out).status()).isEqualTo(RunStatus.RUNNING);
        try (var files = Files.list(out)) {
            // the lock file stays behind a killed writer; its OS lock went with the process, so it blocks nobody
            // model.zip is there once an epoch has ended; a kill in the middle of writing it leaves the write's hidden
            // temporary file (nothing removes it after SIGKILL; --overwrite does), never a half-written model.zip
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(RunFiles.MODEL))
                    .filter(name -> !name.equals(RunFiles.EPOCH_PARAMETERS))
                    .filter(name -> !RunFiles.isLeftoverTemp(name)))
                    .as("no other file left behind")
                    .containsExactlyInAnyOrder("run.json", "iterations.csv", "epochs.csv", "events.csv", RunFiles.LOCK);
        }
        // moons is 2-D: the epochs' parameters, appended whole as each epoch ended; a record the kill cut is dropped
        lrwb.engine.run.EpochParametersRecord epochs = lrwb.engine.run.EpochParametersRecord.read(out);
        assertThat(epochs.problems()).isEmpty();
        for (int e = 0; e < epochs.epochs().size(); e++) {
            assertThat(epochs.epochs().get(e).epoch()).isEqualTo(e);
            assertThat(epochs.epochs().get(e).iteration()).isEqualTo(50L * (e + 1));
        }
        if (Files.exists(out.resolve(RunFiles.MODEL))) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.resolve(RunFiles.MODEL).toFile())) {
                assertThat(zip.getEntry("configuration.json")).as("model.zip is whole").isNotNull();
            }
        }
    }

    /** SIGTERM (as Ctrl-C) runs the shutdown hook: the job is cancelled and its files are closed complete. */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aTerminatedRunEndsCancelledWithCompleteFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Process child = startTraining(dir, out);
        try {
            awaitRows(child, dir, out);
            child.destroy();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        } finally {
            child.destroyForcibly();
        }
        RunInfo info = RunInfo.read(out);
        assertThat(info.status()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(RunStatus.CANCELLED);
        assertThat(info.endedAt()).isNotNull();
        assertThat(info.message()).startsWith("cancelled at iteration ");
        long stoppedAt = Long.parseLong(info.message().replaceAll("^cancelled at iteration (\\d+).*$", "$1"));

        String iterations = Files.readString(out.resolve(RunFiles.ITERATIONS));
        assertThat(iterations).endsWith("\n");
        List<String[]> rows = completeRows(out.resolve(RunFiles.ITERATIONS), "iteration,epoch,lr,loss");
        assertThat(rows).as("every update before the stop").hasSize((int) stoppedAt);
        assertThat(rows.get(rows.size() - 1)[0]).isEqualTo(String.valueOf(stoppedAt - 1));
        assertThat(Files.readString(out.resolve(RunFiles.EPOCHS))).endsWith("\n");
    }

    private static Process startTraining(Path dir, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "lrwb.engine.cli.Lrwb",
                "train", "--dataset", "moons:samples=2000", "--lr", "0.05", "--epochs", String.valueOf(EPOCHS), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Waits until the child has written some updates and a few epochs. */
    private static void awaitRows(Process child, Path dir, Path out) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (lines(out.resolve(RunFiles.ITERATIONS)) < 200 || lines(out.resolve(RunFiles.EPOCHS)) < 3) {
            if (!child.isAlive()) {
                fail("lrwb train ended early with " + child.exitValue() + ": " + Files.readString(dir.resolve("child.log")));
            }
            if (System.nanoTime() - start > DEADLINE_NANOS) {
                fail("no rows after 20 s; child output: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(20);
        }
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * The rows after the header, each split on commas; only the very last line may be cut short by the
     * kill (no newline after it), and it is dropped.
     */
    private static List<String[]> completeRows(Path file, String header) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith(header + "\n");
        String[] lines = text.split("\n", -1); // the part after the last newline is "" or a partial line
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            assertThat(lines[i]).as("%s line %d is complete", file.getFileName(), i + 1).isNotEmpty();
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }
}
