package lrwb.engine.train;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleJson;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Everything one training job reported, collected on the job's thread and safe to read from the test's.
 */
final class Recording implements TrainingListener {
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    volatile TrainingPlan plan;
    final List<IterationMetrics> iterations = new CopyOnWriteArrayList<>();
    final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
    final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    /** Threads the callbacks ran on. */
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onStarted(TrainingPlan p) {
        plan = p;
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onIteration(IterationMetrics m) {
        iterations.add(m);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        epochs.add(m);
    }

    @Override
    public void onEvent(TrainingEvent e) {
        events.add(e);
    }

    List<TrainingEvent> events(TrainingEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    TrainingEvent single(TrainingEvent.Kind kind) {
        List<TrainingEvent> found = events(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " event, got " + events);
        }
        return found.get(0);
    }

    /** The losses, in order: two runs with equal losses took the same path bit for bit. */
    double[] losses() {
        return iterations.stream().mapToDouble(IterationMetrics::loss).toArray();
    }

    double[] lrs() {
        return iterations.stream().mapToDouble(IterationMetrics::lr).toArray();
    }

    /** Epoch rows without their wall time, which no two runs share. */
    List<EpochMetrics> epochsWithoutTime() {
        return epochs.stream().map(e -> new EpochMetrics(e.epoch(), e.lr(), e.trainLoss(), e.trainAccuracy(), e.valLoss(),
                e.valAccuracy(), 0)).toList();
    }

    void awaitIterations(int count) throws TimeoutException, InterruptedException {
        await(() -> iterations.size() >= count, "" + count + " iterations (have " + iterations.size() + ")");
    }

    void awaitEvent(Predicate<TrainingEvent> which, String what) throws TimeoutException, InterruptedException {
        await(() -> events.stream().anyMatch(which), what);
    }

    static void await(BooleanSupplier condition, String what) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("waited " + JOB_TIMEOUT + " for " + what);
            }
            Thread.sleep(2);
        }
    }

    // ---- building and running jobs ----

    static TrainingRequest request(String dataset, String model, String optimizer, String scheduleJson, int epochs,
                                   int batch, long seed) {
        return new TrainingRequest(DataOptions.of(dataset).withSeed(seed), ModelSpec.parse(model),
                OptimizerSpec.parse(optimizer), ScheduleJson.parse(scheduleJson), epochs, batch, seed, null);
    }

    /** Starts a job with a fresh recording attached. */
    static Started start(EngineContext engine, TrainingRequest request, TrainingListener... more) {
        return start(engine, request, false, more);
    }

    /** Starts a job held paused before its first update (a small one can end before a pause given after start). */
    static Started startPaused(EngineContext engine, TrainingRequest request, TrainingListener... more) {
        return start(engine, request, true, more);
    }

    private static Started start(EngineContext engine, TrainingRequest request, boolean paused, TrainingListener... more) {
        Recording r = new Recording();
        TrainingJob job = new TrainingJob(request, engine).addListener(r);
        for (TrainingListener l : more) {
            job.addListener(l);
        }
        if (paused) {
            job.pause();
        }
        job.start();
        return new Started(job, r);
    }

    /** Runs a job to its end. */
    static Finished run(EngineContext engine, TrainingRequest request, TrainingListener... more) throws Exception {
        return start(engine, request, more).join();
    }

    record Started(TrainingJob job, Recording recording) {
        Finished join() throws Exception {
            TrainingEvent end = job.ended().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Finished(end, recording);
        }
    }

    record Finished(TrainingEvent end, Recording recording) {
        Finished assertFinished() {
            if (end.kind() != TrainingEvent.Kind.FINISHED) {
                throw new AssertionError("the job did not finish: " + end);
            }
            return this;
        }
    }
}
