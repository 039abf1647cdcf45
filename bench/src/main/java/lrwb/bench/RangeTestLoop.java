package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestJob;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.RangeTestRecorder;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.OptimizerSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Our range test as {@code lrwb find} runs it: {@link RangeTestJob} with its run record written to disk and
 * every point streamed to a {@link MetricsSink}. The clock covers {@link RangeTestJob#run} (snapshot, the
 * updates, restore, suggestions, run.json), not loading the data.
 */
final class RangeTestLoop {
    /** An exponential sweep that stays finite on every case, so every run makes all its updates. */
    private final RangeTestRequest request;
    private final RangeTestJob job;
    private final Path runs;
    private final MetricsSink sink;
    private int count;
    private int lastPoints;

    RangeTestLoop(BenchCase c, int iterations, OptimizerSpec optimizer, long seed, Path runs, MetricsSink sink,
                  EngineContext engine) {
        RangeTestConfig config = RangeTestConfig.of(1e-5, 0.1, iterations, SweepMode.EXP)
                .withDivergeFactor(1e9).withSeed(seed);
        this.request = new RangeTestRequest(c.data(), c.model(), optimizer, c.batchSize(), config);
        this.job = RangeTestJob.prepare(request, engine);
        this.runs = runs;
        this.sink = sink;
    }

    /** Seconds per update of one whole range test. */
    Sample block() throws IOException {
        try (RangeTestRecorder recorder = new RangeTestRecorder(runs.resolve("range-" + request.config().iterations()
                + "-" + ++count), job)) {
            RangeTestListener both = new RangeTestListener() {
                @Override
                public void onPoint(RangePoint point) {
                    recorder.onPoint(point);
                    sink.onPoint(point);
                }

                @Override
                public void onFinished(RangeTestResult result) {
                    recorder.onFinished(result);
                }
            };
            Sample.Stopwatch clock = Sample.start();
            RangeTestResult result = job.run(both, () -> false);
            lastPoints = result.points().size();
            return clock.stop(lastPoints);
        }
    }

    int lastPoints() {
        return lastPoints;
    }
}
