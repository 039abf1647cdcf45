package lrwb.engine.finder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.run.AtomicFile;
import lrwb.engine.run.CsvLog;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a range test to its folder as it runs: range.csv appended point by point, then suggestions.json and
 * run.json (specs/lr-finder.md "Outputs"). A killed test leaves range.csv complete up to its last flush.
 */
public final class RangeTestRecorder implements RangeTestListener, AutoCloseable {
    public static final String RANGE = "range.csv";
    public static final String SUGGESTIONS = "suggestions.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final CsvLog range;
    private RunInfo info;

    /** Starts the record of a prepared job; run.json also notes the data's size and batches per epoch. */
    public RangeTestRecorder(Path dir, RangeTestJob job) throws IOException {
        this.dir = dir;
        RangeTestRequest request = job.request();
        ObjectNode config = request.toJson();
        config.put("trainSize", job.data().trainSize());
        config.put("stepsPerEpoch", job.stepsPerEpoch());
        this.info = RunInfo.started("rangeTest", request.shortName(), config);
        info.writeTo(dir);
        this.range = CsvLog.create(dir.resolve(RANGE), "iteration,lr,loss,smoothed_loss");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void onPoint(RangePoint p) {
        try {
            range.append(p.iteration(), p.lr(), p.loss(), p.smoothed());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RANGE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onFinished(RangeTestResult result) {
        try {
            range.close();
            AtomicFile.write(dir.resolve(SUGGESTIONS), JSON.writeValueAsString(suggestionsJson(result)) + "\n");
            RunStatus status = result.cancelled() ? RunStatus.CANCELLED : result.diverged() ? RunStatus.DIVERGED : RunStatus.FINISHED;
            info = info.ended(status, result.suggestions().message());
            info.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the range test's results in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** For a test that could not finish (bad data, a failure): run.json says so, and why. */
    public void failed(String why) throws IOException {
        range.close();
        info = info.ended(RunStatus.FAILED, why);
        info.writeTo(dir);
    }

    @Override
    public void close() throws IOException {
        range.close();
    }

    static ObjectNode suggestionsJson(RangeTestResult result) {
        Suggestions s = result.suggestions();
        ObjectNode o = JSON.createObjectNode();
        o.put("minimum10", s.minimum10());
        o.put("steepest", s.steepest());
        o.put("valley", s.valley());
        if (s.cyclic() == null) {
            o.putNull("cyclic");
        } else {
            o.putObject("cyclic").put("lower", s.cyclic().lower()).put("upper", s.cyclic().upper());
        }
        o.put("diverged", result.diverged());
        o.put("stoppedAt", result.stoppedAt());
        o.put("iterations", result.iterations());
        o.put("message", s.message());
        return o;
    }
}
