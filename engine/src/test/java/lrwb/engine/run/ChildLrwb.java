package lrwb.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code lrwb} in a JVM of its own (the test's classpath), for faults a test cannot stage in its own process:
 * kill -9, SIGINT/SIGTERM, a second process writing the same folder. Its stdout and stderr go to files in
 * {@code logDir}. Also the file checks the fault tests share.
 */
final class ChildLrwb implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildLrwb(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * A child inherits ignored signals: when the build runs in the background of a non-interactive shell (`.ci/run &`,
     * nohup) SIGINT is ignored, the JVM then leaves it ignored however {@code lrwb} asks for it, and a test sending
     * Ctrl-C would wait for nothing. coreutils' {@code env --default-signal} (8.31+) gives the child the default
     * disposition, as a terminal's foreground command has, and execs it (same pid); without it the command runs as it is.
     */
    private static final List<String> DEFAULT_SIGNALS = defaultSignals();

    private static List<String> defaultSignals() {
        List<String> env = List.of("env", "--default-signal=INT,TERM");
        try {
            List<String> probeCommand = new ArrayList<>(env);
            probeCommand.add("true");
            Process probe = new ProcessBuilder(probeCommand).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? env : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Starts {@code lrwb ARGS}; its output goes to {@code logDir/<name>.out} and {@code .err}. */
    static ChildLrwb start(Path logDir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "lrwb.engine.cli.Lrwb"));
        command.addAll(List.of(args));
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return new ChildLrwb(pb.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name (INT, TERM, KILL): Java itself can only send TERM and KILL. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", name, process.pid()).isZero();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed child gone").isTrue();
    }

    /** Waits for the exit and returns its code. */
    int awaitExit(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("lrwb did not exit within " + seconds + " s; stderr: " + stderr());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Polls (every 10 ms) until {@code condition} holds (an IOException: not yet); fails when the child ends first or after {@code seconds}. */
    void awaitUntil(String what, double seconds, IoCondition condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!holds(condition)) {
            if (!process.isAlive()) {
                // one last look: it may have happened just before the end
                if (holds(condition)) {
                    return;
                }
                fail("lrwb ended (exit " + process.exitValue() + ") before " + what + "; stderr: " + stderr());
            }
            if (System.nanoTime() > deadline) {
                fail("not " + what + " after " + seconds + " s; stderr: " + stderr());
            }
            Thread.sleep(10);
        }
    }

    /** A file not there yet (or not readable yet) is a condition that does not hold yet. */
    private static boolean holds(IoCondition condition) {
        try {
            return condition.holds();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    interface IoCondition {
        boolean holds() throws IOException;
    }

    /** The number of complete lines (newlines) in a file; 0 when it does not exist yet. */
    static int lines(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * Checks a CSV a run closed: the header, then only complete rows (the file ends with a newline) of
     * {@code columns} fields each, every field a number (NaN allowed); returns the rows.
     */
    static List<String[]> completeCsv(Path file, String header, int columns) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("%s starts with its header", file.getFileName()).startsWith(header + "\n");
        assertThat(text).as("%s ends with a newline (no half row)", file.getFileName()).endsWith("\n");
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(f).as("%s line %d: %s", file.getFileName(), i + 1, lines[i]).hasSize(columns);
            for (String v : f) {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    fail(file.getFileName() + " line " + (i + 1) + " does not parse: " + lines[i]);
                }
            }
            rows.add(f);
        }
        return rows;
    }

    /** Rows whose first column counts 0, 1, 2, ... */
    static void assertConsecutive(List<String[]> rows, String what) {
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Long.parseLong(rows.get(i)[0])).as("%s row %d", what, i).isEqualTo(i);
        }
    }
}
