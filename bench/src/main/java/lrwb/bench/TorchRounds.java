package lrwb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch's loop for one network in a child process ({@code torch_nets.py NETWORK BATCH UPDATES serve}) that times one
 * round each time it is asked: the benchmark asks after each of its own rounds, so the per-round ratios compare the
 * two sides on the same minute of a machine whose speed drifts (PyTorch's `cnn` update measured 4.4–6.0 ms in runs
 * minutes apart here).
 */
final class TorchRounds implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One round's milliseconds per update, by memory layout. */
    record Round(Map<String, Double> wallMs, Map<String, Double> cpuMs) {
    }

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private TorchRounds(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** The child started and ready, or null when python3 or its torch is missing (or it failed to start). */
    static TorchRounds start(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(); // its errors shown
        } catch (IOException e) {
            return null; // no python3
        }
        TorchRounds rounds = new TorchRounds(process);
        JsonNode ready;
        try {
            ready = rounds.readLine();
        } catch (IOException notJson) {
            ready = null;
        }
        if (ready == null || !ready.path("ready").asBoolean()) {
            rounds.close();
            return null;
        }
        return rounds;
    }

    Round round() throws IOException {
        in.write("round\n");
        in.flush();
        JsonNode line = readLine();
        if (line == null) {
            throw new IOException("PyTorch's loop ended before its round (exit " + exitValue() + ")");
        }
        return new Round(milliseconds(line.path("wall_ms_by_layout")), milliseconds(line.path("cpu_ms_by_layout")));
    }

    private static Map<String, Double> milliseconds(JsonNode byLayout) {
        Map<String, Double> ms = new LinkedHashMap<>();
        byLayout.fields().forEachRemaining(e -> ms.put(e.getKey(), e.getValue().asDouble()));
        return ms;
    }

    private JsonNode readLine() throws IOException {
        String line = out.readLine();
        return line == null ? null : JSON.readTree(line);
    }

    private String exitValue() {
        return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
    }

    @Override
    public void close() {
        try {
            in.close(); // its stdin ends: it leaves its loop
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
