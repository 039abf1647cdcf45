package lrwb.bench;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.RunTarget;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;

/**
 * Our training loop as {@code lrwb train} and the app run it: started through the {@link RunService} (a job on its
 * own thread with its record written to disk), under a cosine schedule, every iteration streamed to a
 * {@link MetricsSink}. The clock runs from the run's start (network built) to its complete record, whole epochs,
 * so building each epoch's batches and the per-epoch evaluation count.
 */
final class TrainingLoop {
    private static final ScheduleSpec SCHEDULE = ScheduleJson.parse(
            "{\"type\":\"cosine\",\"lr\":" + Bench.LR + ",\"decaySteps\":100000}");

    private final BenchCase c;
    private final int epochs;
    private final OptimizerSpec optimizer;
    private final long seed;
    private final Path runs;
    private final MetricsSink sink;
    private int count;
    private final RunService service;

    TrainingLoop(BenchCase c, int epochs, OptimizerSpec optimizer, long seed, Path runs, MetricsSink sink, RunService service) {
        this.service = service;
        this.c = c;
        this.epochs = epochs;
        this.optimizer = optimizer;
        this.seed = seed;
        this.runs = runs;
        this.sink = sink;
    }

    /** Seconds per update of one whole training job. */
    Sample block() throws Exception {
        TrainingRequest request = new TrainingRequest(c.data(), c.model(), optimizer, SCHEDULE, epochs,
                c.batchSize(), seed, "bench " + c.name());
        Clock clock = new Clock(sink);
        RunOutcome end = service.startTraining(request, RunTarget.folder(runs.resolve("train-" + epochs + "-" + ++count), false),
                clock).await();
        if (end.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("training ended " + end.status() + ": " + end.message());
        }
        return clock.sample;
    }

    /** Hears the run after the recorder, so it sees the start before and the end after the recorder has done its work. */
    static final class Clock implements RunListener {
        private final MetricsSink sink;
        private Sample.Stopwatch stopwatch;
        private long iterations;
        volatile Sample sample;

        Clock(MetricsSink sink) {
            this.sink = sink;
        }

        @Override
        public void onStarted(RunStart start) {
            stopwatch = Sample.start(); // on the job's thread, as is the end
        }

        @Override
        public void onIteration(IterationMetrics metrics) {
            sink.onIteration(metrics);
            iterations = metrics.iteration() + 1;
        }

        @Override
        public void onEnded(RunOutcome outcome) {
            sample = stopwatch.stop(iterations);
        }
    }
}
