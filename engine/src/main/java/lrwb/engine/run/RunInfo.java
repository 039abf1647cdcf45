package lrwb.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The content of a run's {@code run.json}: what ran (the full configuration), its status and timings.
 * Rewritten atomically at start and at every change of status.
 *
 * @param endedAt null while running
 * @param message a sentence about how it ended (why it failed or diverged), or null
 * @param pid     the process that wrote it, so a reader can tell a live run from an interrupted one
 */
public record RunInfo(String kind, String name, RunStatus status, ObjectNode config, Instant startedAt, Instant endedAt,
                      String message, long pid) {
    public static final String FILE = "run.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunInfo started(String kind, String name, ObjectNode config) {
        return new RunInfo(kind, name, RunStatus.RUNNING, config, Instant.now(), null, null, ProcessHandle.current().pid());
    }

    public RunInfo ended(RunStatus finalStatus, String why) {
        return new RunInfo(kind, name, finalStatus, config, startedAt, Instant.now(), why, pid);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt == null ? Instant.now() : endedAt);
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", kind);
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
        o.set("config", config);
        return o;
    }

    public void writeTo(Path runDir) throws IOException {
        AtomicFile.write(runDir.resolve(FILE), JSON.writeValueAsString(toJson()) + "\n");
    }

    /** Reads a run.json; a missing or malformed field is an IOException naming it. */
    public static RunInfo read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        try {
            JsonNode config = n.get("config");
            JsonNode ended = n.get("endedAt");
            JsonNode message = n.get("message");
            return new RunInfo(text(n, "kind"), text(n, "name"), RunStatus.parse(text(n, "status")),
                    config instanceof ObjectNode o ? o : JSON.createObjectNode(),
                    Instant.parse(text(n, "startedAt")),
                    ended == null || ended.isNull() ? null : Instant.parse(ended.asText()),
                    message == null || message.isNull() ? null : message.asText(),
                    n.path("pid").asLong(-1));
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing or non-text field '" + field + "'");
        }
        return v.asText();
    }
}
