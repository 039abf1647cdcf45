package lrwb.bench;

import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunTarget;
import lrwb.engine.model.OptimizerSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Our range test as {@code lrwb find} runs it: started through the {@link RunService}, its run record written to
 * disk and every point streamed to a {@link MetricsSink}. The clock covers the run from its first update to its
 * complete record (snapshot, the updates, restore, suggestions, run.json), not loading the data.
 */
final class RangeTestLoop {
    /** An exponential sweep that stays finite on every case, so every run makes all its updates. */
    private final RangeTestRequest request;
    private final Path runs;
    private final MetricsSink sink;
    private int count;
    private final RunService service;
    private volatile int lastPoints;
    private volatile Sample sample;

    RangeTestLoop(BenchCase c, int iterations, OptimizerSpec optimizer, long seed, Path runs, MetricsSink sink,
                  RunService service) {
        this.service = service;
        RangeTestConfig config = RangeTestConfig.of(1e-5, 0.1, iterations, SweepMode.EXP)
                .withDivergeFactor(1e9).withSeed(seed);
        this.request = new RangeTestRequest(c.data(), c.model(), optimizer, c.batchSize(), config);
        this.runs = runs;
        this.sink = sink;
    }

    /** Seconds per update of one whole range test (from its first update to its complete record). */
    Sample block() throws IOException {
        Sample.Stopwatch[] clock = new Sample.Stopwatch[1];
        RunHandle handle = service.startRangeTest(request, RunTarget.folder(runs.resolve("range-" + request.config().iterations()
                + "-" + ++count), false), new RunListener() {
            @Override
            public void onStarted(RunStart start) {
                clock[0] = Sample.start(); // on the run's thread, as is the end
            }

            @Override
            public void onRangePoint(RangePoint point) {
                sink.onRangePoint(point);
            }

            @Override
            public void onEnded(RunOutcome outcome) {
                lastPoints = outcome.rangeTest() == null ? 0 : outcome.rangeTest().points().size();
                sample = clock[0].stop(lastPoints);
            }
        });
        RunOutcome outcome = handle.await();
        if (outcome.rangeTest() == null) {
            throw new IllegalStateException("the range test failed: " + outcome.message());
        }
        return sample;
    }

    int lastPoints() {
        return lastPoints;
    }
}
