package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRecorder;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;

/**
 * Our training loop as {@code lrwb train} and the app run it: a {@link TrainingJob} on its own thread, under a
 * cosine schedule, with {@link TrainingRecorder} writing the CSVs and every iteration streamed to a
 * {@link MetricsSink}. The clock runs from the job's STARTED (network built) to FINISHED, whole epochs, so
 * building each epoch's batches and the per-epoch evaluation count.
 */
final class TrainingLoop {
    private static final ScheduleSpec SCHEDULE = ScheduleJson.parse(
            "{\"type\":\"cosine\",\"lr\":" + Bench.LR + ",\"decaySteps\":100000}");

    private final BenchCase c;
    private final int epochs;
    private final LoadedData data;
    private final OptimizerSpec optimizer;
    private final long seed;
    private final Path runs;
    private final MetricsSink sink;
    private final EngineContext engine;
    private int count;

    TrainingLoop(BenchCase c, int epochs, LoadedData data, OptimizerSpec optimizer, long seed, Path runs, MetricsSink sink,
                 EngineContext engine) {
        this.engine = engine;
        this.c = c;
        this.epochs = epochs;
        this.data = data;
        this.optimizer = optimizer;
        this.seed = seed;
        this.runs = runs;
        this.sink = sink;
    }

    /** Seconds per update of one whole training job. */
    Sample block() throws Exception {
        TrainingRequest request = new TrainingRequest(c.data(), c.model(), optimizer, SCHEDULE, epochs,
                c.batchSize(), seed, "bench " + c.name());
        TrainingRecorder recorder = new TrainingRecorder(runs.resolve("train-" + epochs + "-" + ++count), request);
        Clock clock = new Clock();
        TrainingJob job = new TrainingJob(request, data, engine).addListener(recorder).addListener(sink).addListener(clock);
        job.start();
        TrainingEvent end = job.ended().get();
        if (end.kind() != TrainingEvent.Kind.FINISHED) {
            throw new IllegalStateException("training ended " + end.kind() + ": " + end.message());
        }
        return clock.sample;
    }

    /** Added last, so it sees STARTED before and FINISHED after the recorder has done its work. */
    private static final class Clock implements TrainingListener {
        private Sample.Stopwatch stopwatch;
        volatile Sample sample;

        @Override
        public void onStarted(TrainingPlan plan) {
            stopwatch = Sample.start(); // on the job's thread, as is FINISHED
        }

        @Override
        public void onEvent(TrainingEvent event) {
            if (event.kind() == TrainingEvent.Kind.FINISHED) {
                sample = stopwatch.stop(event.iteration());
            }
        }
    }
}
