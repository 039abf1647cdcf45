package lrwb.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.Suggestions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a range test to its folder as it runs: range.csv appended point by point, then suggestions.json and
 * run.json (specs/lr-finder.md "Outputs"). However the test ends — finished, diverged, cancelled (Ctrl-C, SIGTERM,
 * the app's Stop) or failed — the record is complete; a killed test leaves range.csv complete up to its last flush.
 */
final class RangeTestRecorder implements RangeTestListener, DueFlush {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RecordFolder folder;
    private final CsvLog range;
    private boolean writeFailed;
    /** The first write the disk refused (a full disk), reported with every later refusal. */
    private IOException writeError;

    RangeTestRecorder(RecordFolder folder) throws IOException {
        this.folder = folder;
        this.range = CsvLog.create(folder.dir().resolve(RunFiles.RANGE), RunFiles.RANGE_HEADER);
    }

    Path dir() {
        return folder.dir();
    }

    @Override
    public synchronized void onPoint(RangePoint p) {
        if (writeFailed) {
            IOException e = writeError != null ? writeError : new IOException("the disk refused an earlier write");
            throw new UncheckedIOException("cannot write " + RunFiles.RANGE + " in " + folder.dir() + ": " + e.getMessage(), e);
        }
        try {
            range.append(p.iteration(), p.lr(), p.loss(), p.smoothed());
        } catch (IOException e) {
            writeFailed = true;
            writeError = e;
            throw new UncheckedIOException("cannot write " + RunFiles.RANGE + " in " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void flushIfDue() {
        try {
            if (!writeFailed && range.isFlushDue()) {
                range.flush();
            }
        } catch (IOException e) {
            writeFailed = true; // the test's next point reports it
            writeError = e;
        }
    }

    /** The test ended with a result: range.csv closed, suggestions.json written, run.json final. */
    synchronized RunStatus finish(RangeTestResult result) throws IOException {
        RunStatus status = result.cancelled() ? RunStatus.CANCELLED : result.diverged() ? RunStatus.DIVERGED : RunStatus.FINISHED;
        if (writeFailed) { // the flusher met a full disk after the last point: the test fails with that
            throw writeError != null ? writeError : new IOException("a write of " + RunFiles.RANGE + " failed");
        }
        try {
            range.close();
        } catch (IOException e) {
            writeFailed = true; // fail() cuts range.csv back to its last complete row
            writeError = e;
            throw e;
        }
        AtomicFile.write(folder.dir().resolve(RunFiles.SUGGESTIONS), JSON.writeValueAsString(suggestionsJson(result)) + "\n");
        folder.end(status, result.suggestions().message());
        return status;
    }

    /** The test could not finish (a failure while running, a full disk): run.json says so, and why. */
    synchronized void fail(String why) throws IOException {
        if (writeFailed) {
            range.closeAfterFailure();
        } else {
            try {
                range.close();
            } catch (IOException e) {
                range.closeAfterFailure();
            }
        }
        folder.end(RunStatus.FAILED, why);
    }

    static ObjectNode suggestionsJson(RangeTestResult result) {
        Suggestions s = result.suggestions();
        ObjectNode o = JSON.createObjectNode();
        o.put("minimum10", s.minimum10());
        o.put("steepest", s.steepest());
        o.put("valley", s.valley());
        o.put("slide", s.slide());
        if (s.cyclic() == null) {
            o.putNull("cyclic");
        } else {
            o.putObject("cyclic").put("lower", s.cyclic().lower()).put("upper", s.cyclic().upper());
        }
        o.put("diverged", result.diverged());
        o.put("stoppedAt", result.stoppedAt());
        o.put("iterations", result.iterations());
        o.put("message", s.message());
        o.put("warning", s.warning());
        return o;
    }

    /** Writes range-test points as range.csv's columns (for exporting a test as the app shows it). */
    static void writeCsv(List<RangePoint> points, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        try (CsvLog csv = CsvLog.create(file, RunFiles.RANGE_HEADER)) {
            for (RangePoint p : points) {
                csv.hold(p.iteration(), p.lr(), p.loss(), p.smoothed());
            }
        }
    }
}
