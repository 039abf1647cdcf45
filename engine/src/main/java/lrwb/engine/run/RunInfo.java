package lrwb.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The content of a run's {@code run.json}: what ran (the full configuration), its status and timings.
 * Rewritten atomically at start and at every change of status, by the one process that holds the folder's lock.
 *
 * @param endedAt          null while running
 * @param message          a sentence about how it ended (why it failed or diverged), or null
 * @param pid              the process that wrote it, so a reader can tell a live run from an interrupted one
 * @param processStartedAt when that process started (null in records of older versions): a PID that is alive
 *                         again after a reboot belongs to another process
 */
public record RunInfo(RunKind kind, String name, RunStatus status, ObjectNode config, Instant startedAt, Instant endedAt,
                      String message, long pid, Instant processStartedAt) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static RunInfo started(RunKind kind, String name, ObjectNode config) {
        return new RunInfo(kind, name, RunStatus.RUNNING, config, Instant.now(), null, null, ProcessHandle.current().pid(),
                ProcessLiveness.currentProcessStart());
    }

    RunInfo ended(RunStatus finalStatus, String why) {
        return new RunInfo(kind, name, finalStatus, config, startedAt, Instant.now(), why, pid, processStartedAt);
    }

    /** The same record under another name (the folder keeps its own). */
    public RunInfo withName(String newName) {
        return new RunInfo(kind, newName, status, config, startedAt, endedAt, message, pid, processStartedAt);
    }

    RunInfo interrupted(Instant lastWrite) {
        return new RunInfo(kind, name, RunStatus.INTERRUPTED, config, startedAt, lastWrite,
                "the process that ran it ended without finishing it (killed or crashed); its files are complete up to then",
                pid, processStartedAt);
    }

    /** Whether the process that wrote a running record is still there (start time checked, so PID reuse is seen). */
    boolean writerAlive() {
        return ProcessLiveness.isAlive(pid, processStartedAt);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt == null ? Instant.now() : endedAt);
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", kind.json());
        o.put("name", name);
        o.put("status", status.json());
        o.put("startedAt", startedAt.toString());
        if (endedAt == null) {
            o.putNull("endedAt");
            o.putNull("seconds");
        } else {
            o.put("endedAt", endedAt.toString());
            o.put("seconds", Duration.between(startedAt, endedAt).toMillis() / 1000.0);
        }
        if (message == null) {
            o.putNull("message");
        } else {
            o.put("message", message);
        }
        o.put("pid", pid);
        if (processStartedAt == null) {
            o.putNull("processStartedAt");
        } else {
            o.put("processStartedAt", processStartedAt.toString());
        }
        o.set("config", config);
        return o;
    }

    /** Writes run.json into {@code runDir} atomically. */
    void writeTo(Path runDir) throws IOException {
        AtomicFile.write(runDir.resolve(RunFiles.RUN_JSON), JSON.writeValueAsString(toJson()) + "\n");
    }

    /**
     * Overwrites run.json from its first byte and cuts it to the new length: not atomic, but it needs no new disk
     * space while the content fits the file's allocated block (4 KB) — for the last word of a run on a full disk.
     */
    void writeInPlace(Path runDir) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(toJson()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(runDir.resolve(RunFiles.RUN_JSON),
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
            channel.truncate(bytes.length);
            channel.force(true);
        }
    }

    /** Reads a run.json as it is (no liveness check); a missing or malformed field is an IOException naming it. */
    public static RunInfo read(Path runDir) throws IOException {
        Path file = runDir.resolve(RunFiles.RUN_JSON);
        JsonNode n;
        try (InputStream in = Files.newInputStream(file)) {
            n = JSON.readTree(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no " + RunFiles.RUN_JSON, e);
        } catch (IOException e) {
            throw new IOException(RunFiles.RUN_JSON + " is not readable JSON ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException(RunFiles.RUN_JSON + " is empty or not a JSON object");
        }
        try {
            JsonNode config = n.get("config");
            JsonNode message = n.get("message");
            return new RunInfo(RunKind.parse(text(n, "kind")), text(n, "name"), RunStatus.parse(text(n, "status")),
                    config instanceof ObjectNode o ? o : JSON.createObjectNode(),
                    Instant.parse(text(n, "startedAt")), instant(n, "endedAt"),
                    message == null || message.isNull() ? null : message.asText(),
                    n.path("pid").asLong(-1), instant(n, "processStartedAt"));
        } catch (RuntimeException e) {
            throw new IOException(RunFiles.RUN_JSON + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing or non-text field '" + field + "'");
        }
        return v.asText();
    }
}
