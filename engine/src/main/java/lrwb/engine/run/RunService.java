package lrwb.engine.run;

import java.util.List;

import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.data.DataException;
import lrwb.engine.data.ChannelStats;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.DataCache;
import lrwb.engine.data.LoadedData;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestJob;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.WeightDecayGroup;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.SavedRunModel;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineThreads;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * THE way to start a run (DESIGN.md): the CLI, the app and sweeps hand a request and a target here and get a
 * {@link RunHandle}; they never wire folders, recorders and jobs themselves.
 * <p>
 * {@code start…} works on the calling thread until the run is under way — loads the data, builds the network,
 * claims the folder (its lock taken, run.json written) — and refuses bad input with a {@link RunRefusedException}
 * before anything is written. The run itself goes on on an engine thread of its own; its record is flushed at
 * most ~0.25 s behind (also while the job validates) and completed however it ends.
 */
public final class RunService implements AutoCloseable {
    private static final String OUT_OF_MEMORY = "out of memory: use a smaller batch size, model or data limit";

    private final EngineContext context;
    private final RecordFlusher flusher = new RecordFlusher();
    /** Writes training runs' networks (model.zip) while their jobs go on. */
    private final ExecutorService networkWriter = EngineThreads.pool("lrwb-network-writer");

    /** Where runs get their data: the app's forms read through the same cache, so a set is read once per session. */
    private final DataCache data;

    /** A service that reads every run's data anew (the CLI: one run per process). */
    public RunService(EngineContext context) {
        this(context, new DataCache(0));
    }

    /**
     * @param context the pools and tuning every run of this service uses (it stays the caller's to close)
     * @param data    where runs load their data from
     */
    public RunService(EngineContext context, DataCache data) {
        this.context = context;
        this.data = data;
    }

    /** The cache runs load their data through: whoever reads the same data beforehand reads it here. */
    public DataCache dataCache() {
        return data;
    }

    /** Starts an LR range test; the run's thread reports to {@code listener}. */
    public RunHandle startRangeTest(RangeTestRequest request, RunTarget target, RunListener listener) throws IOException {
        return startRangeTest(request, null, target, listener);
    }

    /**
     * Starts one member of a weight-decay group (its request from {@link WeightDecayGroup#member}); its run.json
     * records the group under {@code config.group}.
     *
     * @param group null for a test of its own
     */
    public RunHandle startRangeTest(RangeTestRequest request, WeightDecayGroup group, RunTarget target, RunListener listener)
            throws IOException {
        target.check();
        refuseOwnSource(target, request.model());
        LoadedData data = loadChecked(request.data(), request.model(), request.batchSize());
        RangeTestJob job;
        try {
            job = RangeTestJob.prepare(request, data, context);
        } catch (IllegalArgumentException e) {
            throw new RunRefusedException(RangeTestJob.NO_VALIDATION.equals(e.getMessage()) ? RunRefusedException.Field.SWEEP
                    : RunRefusedException.Field.MODEL, e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new RunRefusedException(RunRefusedException.Field.MODEL, OUT_OF_MEMORY);
        }
        ObjectNode config = request.toJson();
        if (group != null) {
            config.set("group", group.toJson(request.optimizer().value(OptimizerSetting.WD)));
        }
        recordModelNotes(config, job.network().notes());
        recordNormalization(config, request.data(), data);
        config.put("trainSize", data.trainSize());
        config.put("validationSize", data.validationSize());
        config.put("stepsPerEpoch", job.stepsPerEpoch());
        RecordFolder folder = RecordFolder.start(target.claim(RunKind.RANGE_TEST, request.shortName()), RunKind.RANGE_TEST,
                request.shortName(), config);
        RangeTestRecorder recorder;
        try {
            recorder = new RangeTestRecorder(folder);
        } catch (IOException e) {
            folder.end(RunStatus.FAILED, "cannot write " + RunFiles.RANGE + ": " + e.getMessage());
            throw e;
        }
        RunHandle handle = new RunHandle(RunKind.RANGE_TEST, folder.dir(), null);
        flusher.add(recorder);
        context.startJob("range-test", () -> runRangeTest(job, data, recorder, handle, listener));
        return handle;
    }

    private void runRangeTest(RangeTestJob job, LoadedData data, RangeTestRecorder recorder, RunHandle handle,
                              RunListener listener) {
        RunOutcome outcome = null;
        try {
            int iterations = job.request().config().iterations();
            listener.onStarted(new RunStart(RunKind.RANGE_TEST, recorder.dir(), data.name(), data.trainSize(),
                    data.validationSize(), job.stepsPerEpoch(), iterations, 0, handle, job.network().notes()));
            RangeTestResult result = job.run(new RangeTestListener() {
                @Override
                public void onPoint(RangePoint point) {
                    recorder.onPoint(point);
                    listener.onRangePoint(point);
                }
            }, handle::isCancelRequested);
            RunStatus status = recorder.finish(result);
            outcome = new RunOutcome(RunKind.RANGE_TEST, status, result.suggestions().message(), recorder.dir(), result);
        } catch (Throwable e) {
            String why = e instanceof OutOfMemoryError ? OUT_OF_MEMORY : "the range test failed: " + messageOf(e);
            try {
                recorder.fail(why);
            } catch (IOException io) {
                why += " (and run.json could not be updated: " + io.getMessage() + ")";
            }
            outcome = new RunOutcome(RunKind.RANGE_TEST, RunStatus.FAILED, why, recorder.dir(), null);
        } finally {
            flusher.remove(recorder);
            if (outcome == null) { // even failing to say why must not leave the handle waiting for ever
                outcome = new RunOutcome(RunKind.RANGE_TEST, RunStatus.FAILED, OUT_OF_MEMORY, recorder.dir(), null);
            }
            finish(handle, listener, outcome);
        }
    }

    /** Starts a training run that writes its network after every epoch; the job's thread reports to {@code listener}. */
    public RunHandle startTraining(TrainingRequest request, RunTarget target, RunListener listener) throws IOException {
        return startTraining(request, target, listener, NetworkSaving.EVERY_EPOCH);
    }

    /** Starts a training run that writes its network as {@code saving} says; the job's thread reports to {@code listener}. */
    public RunHandle startTraining(TrainingRequest request, RunTarget target, RunListener listener, NetworkSaving saving)
            throws IOException {
        target.check();
        refuseOwnSource(target, request.model());
        LoadedData data = loadChecked(request.data(), request.model(), request.batchSize());
        TrainingJob job;
        try {
            job = new TrainingJob(request, data, context); // builds the network: a model that cannot be is refused here
        } catch (IllegalArgumentException | DataException e) {
            throw new RunRefusedException(RunRefusedException.Field.MODEL, e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new RunRefusedException(RunRefusedException.Field.MODEL, OUT_OF_MEMORY);
        }
        ObjectNode config = request.toJson();
        recordModelNotes(config, job.modelNotes());
        recordNormalization(config, request.data(), data);
        RecordFolder folder = RecordFolder.start(target.claim(RunKind.TRAINING, request.name()), RunKind.TRAINING,
                request.name(), config);
        TrainingRecorder recorder;
        try {
            recorder = new TrainingRecorder(folder, networkWriter, !data.isImage() && data.numFeatures() == 2, saving);
        } catch (IOException e) {
            folder.end(RunStatus.FAILED, "cannot write the run record: " + e.getMessage());
            throw e;
        }
        RunHandle handle;
        try {
            handle = new RunHandle(RunKind.TRAINING, folder.dir(), job);
            job.addListener(recorder).addListener(forwarding(listener, handle));
            flusher.add(recorder);
            job.ended().whenComplete((end, error) -> {
                flusher.remove(recorder);
                // what run.json says is the outcome: the recorder may have turned a finish into a failure (full disk)
                RunStatus status = recorder.writtenStatus() != null ? recorder.writtenStatus() : RunStatus.FAILED;
                String message = recorder.writtenMessage() != null ? recorder.writtenMessage() : end.message();
                if (recorder.endFailure() != null) {
                    status = RunStatus.FAILED;
                    message = message + " (and run.json could not be updated: " + recorder.endFailure().getMessage() + ")";
                }
                finish(handle, listener, new RunOutcome(RunKind.TRAINING, status, message, recorder.dir(), null));
            });
            job.start();
        } catch (RuntimeException | Error e) { // e.g. no thread could be started: the claimed folder says so
            flusher.remove(recorder);
            recorder.onEvent(new TrainingEvent(TrainingEvent.Kind.FAILED, 0, 0, Double.NaN, "training failed: " + messageOf(e)));
            throw e;
        }
        return handle;
    }

    private static TrainingListener forwarding(RunListener listener, RunHandle handle) {
        Path dir = handle.folder();
        return new TrainingListener() {
            @Override
            public void onStarted(TrainingPlan plan) {
                listener.onStarted(new RunStart(RunKind.TRAINING, dir, plan.datasetName(), plan.trainSize(),
                        plan.validationSize(), plan.stepsPerEpoch(), plan.totalIterations(), plan.epochs(), handle, plan.modelNotes()));
            }

            @Override
            public void onIteration(IterationMetrics metrics) {
                listener.onIteration(metrics);
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                listener.onEpoch(metrics);
            }

            @Override
            public void onEvent(TrainingEvent event) {
                listener.onEvent(event);
            }
        };
    }

    private static void finish(RunHandle handle, RunListener listener, RunOutcome outcome) {
        try {
            listener.onEnded(outcome);
        } finally {
            handle.ended.complete(outcome);
        }
    }

    /**
     * A run may not be written into the folder whose saved network it starts from: --overwrite would delete the
     * network it is about to read, and the record would name itself as its source.
     */
    private static void refuseOwnSource(RunTarget target, ModelSpec model) {
        if (target instanceof RunTarget.ChosenFolder chosen && model instanceof SavedRunModel saved
                && chosen.dir().toAbsolutePath().normalize().equals(saved.dir())) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "--out " + chosen.dir()
                    + " is the run whose saved network --model " + saved.describe() + " starts from: choose another folder");
        }
    }

    /** Loads the data and checks that the model and the batch size fit it: refusals name the input. */
    private LoadedData loadChecked(DataOptions options, ModelSpec model, int batchSize) {
        LoadedData data;
        try {
            data = this.data.load(options);
        } catch (DataException | InvalidSpecException e) {
            throw new RunRefusedException(RunRefusedException.Field.DATA, e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new RunRefusedException(RunRefusedException.Field.DATA, options.source()
                    + " does not fit in memory: use a smaller data limit");
        }
        model.mismatch(NetworkShape.of(data), data.name()).ifPresent(why -> {
            throw new RunRefusedException(RunRefusedException.Field.MODEL, why);
        });
        try {
            data.checkBatchSize(batchSize);
        } catch (DataException e) {
            throw new RunRefusedException(RunRefusedException.Field.BATCH_SIZE, e.getMessage());
        }
        return data;
    }

    /** What was done to an imported network to fit the run, in run.json beside the request that asked for it. */
    private static void recordModelNotes(ObjectNode config, List<String> notes) {
        if (!notes.isEmpty()) {
            notes.forEach(config.putArray("modelNotes")::add);
        }
    }

    /**
     * How image pixels were normalised, with the training split's per-channel statistics when standardised, so a
     * network can be fed new images the way it was trained: {@code "normalization": {"method": "standard",
     * "means": [...], "stds": [...], "epsilon": 1e-6}}; {@code {"method": "unit"}} for pixels / 255.
     */
    private static void recordNormalization(ObjectNode config, DataOptions options, LoadedData data) {
        if (!data.isImage()) {
            return;
        }
        ObjectNode n = config.putObject("normalization");
        n.put("method", options.imageNormalization().text());
        ChannelStats stats = data.channelStats();
        if (stats != null) {
            ArrayNode means = n.putArray("means");
            ArrayNode stds = n.putArray("stds");
            for (double m : stats.means()) {
                means.add(m);
            }
            for (double s : stats.stds()) {
                stds.add(s);
            }
            n.put("epsilon", ChannelStats.EPSILON);
        }
    }

    private static String messageOf(Throwable e) {
        String m = e == null ? null : e.getMessage();
        return m == null ? String.valueOf(e) : m;
    }

    /** Stops the flusher; runs still going lose their periodic flushes (they flush as they append). */
    @Override
    public void close() {
        flusher.close();
        networkWriter.shutdown(); // a write under way finishes: its run waits for it before it ends
    }
}
