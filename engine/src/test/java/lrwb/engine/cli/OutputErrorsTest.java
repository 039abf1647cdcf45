package lrwb.engine.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** cli.md: a write error on stdout (full disk, closed pipe) is a failure, never a success, and ends the program at once. */
class OutputErrorsTest {
    private static final String CONSTANT = "{\"type\":\"constant\",\"lr\":0.1}";

    /** Accepts {@code capacity} bytes, then fails every write, as a full disk or a pipe whose reader has gone. */
    private static final class FailingAfter extends OutputStream {
        private final int capacity;
        private long written;
        private int failedWrites;

        FailingAfter(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > capacity) {
                failedWrites++;
                throw new IOException("No space left on device");
            }
            written += len;
        }
    }

    private record Outcome(int exitCode, List<String> errLines, long millis) {
    }

    private static Outcome run(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = stdout instanceof PrintStream p ? Lrwb.run(args, p, new PrintStream(err, true, StandardCharsets.UTF_8))
                : Lrwb.run(args, stdout, new PrintStream(err, true, StandardCharsets.UTF_8));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Outcome(code, err.toString(StandardCharsets.UTF_8).lines().toList(), millis);
    }

    @Test
    void fullStdoutBehindAPrintStreamIsAFailure() {
        FailingAfter disk = new FailingAfter(1000);
        Outcome o = run(new PrintStream(disk, true, StandardCharsets.UTF_8), "schedule", "--spec", CONSTANT, "--steps", "100000");

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.errLines()).containsExactly("lrwb schedule: failed: cannot write to stdout (write error: the disk may be"
                + " full or the reader closed the pipe); stopped");
    }

    @Test
    void aStreamThatReportsTheErrorGivesItsReason() {
        Outcome o = run(new FailingAfter(1000), "schedule", "--spec", CONSTANT, "--steps", "100000");

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.errLines()).containsExactly("lrwb schedule: failed: cannot write to stdout (No space left on device); stopped");
    }

    @Test
    void aClosedPipeStopsTheBillionRowScheduleAtOnce() {
        // | head -3: the reader goes away after the first rows; the remaining 10^9 rows must not be computed
        FailingAfter pipe = new FailingAfter(60);
        Outcome o = run(new PrintStream(pipe, true, StandardCharsets.UTF_8),
                "schedule", "--spec", CONSTANT, "--steps", "1000000000");

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.errLines()).hasSize(1).first().asString().startsWith("lrwb schedule: failed: cannot write to stdout");
        assertThat(o.millis()).as("stopped at the first failed write").isLessThan(1000);
        assertThat(pipe.failedWrites).as("no write after the first failure").isEqualTo(1);
    }

    @Test
    void exportToAFullDiskIsAFailure() {
        Outcome o = run(new PrintStream(new FailingAfter(10), true, StandardCharsets.UTF_8),
                "export", "--spec", CONSTANT, "--lang", "pytorch");

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.errLines()).hasSize(1).first().asString().startsWith("lrwb export: failed: cannot write to stdout");
    }

    @Test
    void whatFitsIsStillASuccess() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Outcome o = run(new PrintStream(out, true, StandardCharsets.UTF_8), "schedule", "--spec", CONSTANT, "--steps", "3");

        assertThat(o.exitCode()).isZero();
        assertThat(o.errLines()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("step,epoch,lr\n0,0,0.1\n1,1,0.1\n2,2,0.1\n");
    }

    @Test
    void theRealProgramWritingToDevFullExitsOne() throws Exception {
        File devFull = new File("/dev/full");
        assumeThat(devFull.exists()).as("/dev/full exists (Linux)").isTrue();
        Path err = Files.createTempFile("lrwb-err", ".txt");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Lrwb.class.getName(),
                    "schedule", "--spec", CONSTANT, "--steps", "100000")
                    .redirectOutput(devFull)
                    .redirectError(err.toFile())
                    .start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
            List<String> lines = Files.readAllLines(err);
            assertThat(p.exitValue()).as("exit code (stderr: %s)", lines).isEqualTo(1);
            assertThat(lines).containsExactly("lrwb schedule: failed: cannot write to stdout (No space left on device); stopped");
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
