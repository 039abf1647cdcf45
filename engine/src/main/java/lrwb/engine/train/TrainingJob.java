package lrwb.engine.train;

import lrwb.engine.data.DataException;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.MomentumCycling;
import lrwb.engine.model.Networks;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.Dl4jMomentumSchedule;
import lrwb.engine.schedule.Dl4jSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.PlateauController;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ShiftedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import lrwb.engine.schedule.SteerableSchedule;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One training run on its own background thread: loads the data, builds the network and trains it under
 * the requested schedule or plateau controller, streaming metrics and events to listeners. Pause, resume,
 * cancel and the manual LR override may be called from any thread; they take effect before the next update.
 * Several jobs can run at once; each owns its network and thread, and they share their context's pools.
 */
public final class TrainingJob {
    private final TrainingRequest request;
    /** The network and what drives it; built by the constructor when the data is given, else on the job's thread. */
    private Prepared prepared;
    private final EngineContext context;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<TrainingEvent> ended = new CompletableFuture<>();
    private final ParameterTap tap = new ParameterTap();
    private final Object controlLock = new Object();
    private boolean pauseRequested;
    private boolean cancelRequested;
    /** Why the job was stopped as diverged from outside ({@link #stopDiverged}); null for a plain cancel. */
    private String divergedBecause;
    /** An override waiting for the next update: a positive LR, NaN to clear, null for none. */
    private Double pendingOverride;
    /** Known from the request, so an override is refused from the start, not only once the data has loaded. */
    private volatile boolean started;
    private static final String OUT_OF_MEMORY = "out of memory: use a smaller batch size, model or --limit";
    /** The network's counters before the job's first update (job thread). */
    private int startIteration;
    private int startEpoch;
    /** The job thread's; null until the network is built and after the job ended. */
    private EpochEvaluator evaluator;

    /**
     * A job that loads its data on its own thread.
     *
     * @param context the pools and tuning the job runs with (it stays the caller's: the job does not close it)
     */
    public TrainingJob(TrainingRequest request, EngineContext context) {
        this(request, null, context);
    }

    /**
     * A job on data the caller already loaded, its network built here, on the calling thread: everything that can
     * be refused (data, a model that does not fit it, a model file) is refused before any file is written.
     *
     * @throws IllegalArgumentException (or {@link DataException}) with a user-facing message
     */
    public TrainingJob(TrainingRequest request, LoadedData preloaded, EngineContext context) {
        this.request = request;
        this.context = java.util.Objects.requireNonNull(context, "context");
        this.prepared = preloaded == null ? null : prepare(preloaded);
    }

    /** What a job trains with, built from the data. */
    /**
     * @param startIteration the network's own iteration count before the first update: 0, or where the run it
     *                       continues stopped ({@code run:DIR}); the job counts its iterations from 0 all the same
     */
    /**
     * @param notes the network's notes, then what the schedule's cycled momentum does with this optimizer
     *              ({@link MomentumCycling#notes})
     */
    private record Prepared(LoadedData data, ShuffledBatches batches, PlateauController plateau, SteerableSchedule lr,
                            Network net, int startIteration, int startEpoch, List<String> notes) {
    }

    private Prepared prepare(LoadedData data) {
        NetworkShape shape = NetworkShape.of(data);
        request.model().mismatch(shape, data.name()).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        ShuffledBatches batches = ShuffledBatches.forTraining(data, request.data(), request.batchSize(), request.seed(), context);
        PlateauController plateau = request.schedule() instanceof PlateauSchedule p ? p.controller() : null;
        ISchedule base = plateau != null ? constant(plateau.lr())
                : new Dl4jSchedule((FormulaSchedule) request.schedule(), batches.batchesPerPass());
        SteerableSchedule lr = new SteerableSchedule(base);
        // the momentum (beta1) of a cyclic or oneCycle schedule: a handle of its own, read with the LR's (iteration, epoch)
        ISchedule momentumBase = MomentumCycling.followed(request.schedule(), request.optimizer())
                .map(curve -> (ISchedule) new Dl4jMomentumSchedule((FormulaSchedule) request.schedule(), batches.batchesPerPass()))
                .orElse(null);
        SteerableSchedule momentum = momentumBase == null ? null : new SteerableSchedule(momentumBase);
        Network net = Networks.network(request.model(), request.optimizer(), lr, momentum, shape, request.seed(),
                context.tuning());
        int startIteration = net.iterationCount();
        int startEpoch = net.epochCount();
        if (startIteration != 0 || startEpoch != 0) {
            lr.setBase(new ShiftedSchedule(base, startIteration, startEpoch));
            if (momentum != null) {
                momentum.setBase(new ShiftedSchedule(momentumBase, startIteration, startEpoch));
            }
        }
        List<String> notes = new java.util.ArrayList<>(net.notes());
        notes.addAll(MomentumCycling.notes(request.schedule(), request.optimizer()));
        return new Prepared(data, batches, plateau, lr, net, startIteration, startEpoch, List.copyOf(notes));
    }

    public TrainingRequest request() {
        return request;
    }

    /** What was done to the network to fit the run (see {@link Network#notes}); empty until it is built. */
    public List<String> modelNotes() {
        Prepared p = prepared;
        return p == null ? List.of() : p.notes();
    }

    public TrainingJob addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Any thread, before or while the job trains: {@code watcher} receives copies of the parameters a few times a
     * second and after the last epoch ({@link ParameterTap}); nothing is copied while nobody watches.
     *
     * @return closing it stops the copies
     */
    public AutoCloseable watchParameters(ParameterWatcher watcher) {
        return tap.add(java.util.Objects.requireNonNull(watcher, "watcher"));
    }

    /** Starts the job's thread; listeners added before this see every event. */
    public synchronized TrainingJob start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        context.startJob("train-" + request.name(), this::run);
        return this;
    }

    /** Completes with the job's last event: FINISHED, CANCELLED, DIVERGED or FAILED. */
    public CompletableFuture<TrainingEvent> ended() {
        return ended;
    }

    public void pause() {
        synchronized (controlLock) {
            pauseRequested = true;
        }
    }

    public void resume() {
        synchronized (controlLock) {
            pauseRequested = false;
            controlLock.notifyAll();
        }
    }

    public void cancel() {
        synchronized (controlLock) {
            cancelRequested = true;
            controlLock.notifyAll();
        }
    }

    /**
     * Stops the job before its next update as {@code DIVERGED} rather than cancelled: a rule of the caller's found
     * the loss running away (a sweep's 4x-the-first-epoch rule), while NaN and infinity the job detects itself.
     */
    public void stopDiverged(String why) {
        synchronized (controlLock) {
            if (!cancelRequested) {
                divergedBecause = java.util.Objects.requireNonNull(why, "why");
            }
            cancelRequested = true;
            controlLock.notifyAll();
        }
    }

    /** From the next update on, every update uses {@code lr} until {@link #clearLrOverride()}. */
    public void overrideLr(double lr) {
        if (!(Double.isFinite(lr) && lr > 0)) {
            throw new IllegalArgumentException("override LR must be a finite number > 0 (got " + lr + ")");
        }
        synchronized (controlLock) {
            pendingOverride = lr;
        }
    }

    public void clearLrOverride() {
        synchronized (controlLock) {
            pendingOverride = Double.NaN;
        }
    }

    private void run() {
        long iteration = 0;
        int epoch = 0;
        try {
            NativeSettings.applyToCurrentThread();
            Prepared p = prepared != null ? prepared : prepare(Datasets.load(request.data()));
            prepared = null; // a finished job the app keeps in its list holds no network
            LoadedData data = p.data();
            ShuffledBatches batches = p.batches();
            int stepsPerEpoch = batches.batchesPerPass();
            PlateauController plateau = p.plateau();
            SteerableSchedule lr = p.lr();
            Network net = p.net();
            startIteration = p.startIteration();
            startEpoch = p.startEpoch();
            RunningAccuracy trainAccuracy = new RunningAccuracy(net);

            TrainingPlan plan = new TrainingPlan(data.name(), data.trainSize(), data.validationSize(), stepsPerEpoch, request.epochs(),
                    p.notes());
            listeners.forEach(l -> l.onStarted(plan));
            emit(new TrainingEvent(TrainingEvent.Kind.STARTED, 0, 0, lrOf(lr, 0, 0), plan.datasetName() + ": "
                    + plan.trainSize() + " training / " + plan.validationSize() + " validation examples, "
                    + stepsPerEpoch + " batches per epoch"));

            Iterator<DataSet> stream = batches.stream(0, (long) stepsPerEpoch * request.epochs());
            evaluator = new EpochEvaluator(net, data.validation(), plateau == null, context);
            tap.afterUpdate(net, 0, 0); // the untrained start
            for (epoch = 0; epoch < request.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                int updates = 0;
                for (int step = 0; step < stepsPerEpoch; step++) {
                    DataSet batch = stream.next();
                    evaluator.poll().ifPresent(this::emitEpoch);
                    if (applyControls(lr, iteration, epoch)) {
                        String diverged;
                        synchronized (controlLock) {
                            diverged = divergedBecause;
                        }
                        if (diverged != null) {
                            end(TrainingEvent.Kind.DIVERGED, iteration, epoch, diverged);
                        } else {
                            end(TrainingEvent.Kind.CANCELLED, iteration, epoch, "cancelled at iteration " + iteration
                                    + " (epoch " + (epoch + 1) + " of " + request.epochs() + ")");
                        }
                        return;
                    }
                    double lrUsed = lrOf(lr, iteration, epoch);
                    trainAccuracy.expect(batch.getLabels());
                    net.fit(batch);
                    double loss = net.score();
                    IterationMetrics m = new IterationMetrics(iteration, epoch, lrUsed, loss);
                    for (TrainingListener l : listeners) {
                        l.onIteration(m);
                    }
                    if (!Double.isFinite(loss)) {
                        end(TrainingEvent.Kind.DIVERGED, iteration, epoch, "the loss became " + loss + " at iteration "
                                + iteration + " (epoch " + (epoch + 1) + ", lr " + lrUsed + "): lower the learning rate");
                        return;
                    }
                    lossSum += loss;
                    updates++;
                    iteration++;
                    if (step < stepsPerEpoch - 1) { // the epoch's last update: afterEpoch below
                        tap.afterUpdate(net, iteration, epoch);
                    }
                }
                net.setEpochCount(startEpoch + epoch + 1);
                tap.afterEpoch(net, iteration, epoch, epoch == request.epochs() - 1);
                for (TrainingListener l : listeners) {
                    l.onEpochTrained(net);
                }
                double trainAcc = trainAccuracy.takeEpoch();
                if (Double.isNaN(trainAcc)) { // an output layer the running count cannot read: a pass of its own
                    trainAcc = Evaluation.of(net, data.train()).accuracy();
                }
                double lastLr = lrOf(lr, iteration - 1, epoch);
                EpochMetrics trained = new EpochMetrics(epoch, lastLr, lossSum / updates, trainAcc, Double.NaN, Double.NaN,
                        (System.nanoTime() - epochStart) / 1e9);
                for (EpochMetrics em : evaluator.epochEnded(trained, epoch == request.epochs() - 1)) {
                    emitEpoch(em);
                    // Set by hand, the LR is the user's: the plateau holds (no reductions of a value nobody uses,
                    // patience not counted) and goes on from its own LR after "Back to schedule".
                    if (plateau != null && !lr.isOverridden()) {
                        observePlateau(plateau, (PlateauSchedule) request.schedule(), em, lr, iteration, epoch);
                    }
                }
            }
            end(TrainingEvent.Kind.FINISHED, iteration, request.epochs() - 1, "finished " + request.epochs() + " epochs");
        } catch (DataException | IllegalArgumentException e) {
            end(TrainingEvent.Kind.FAILED, iteration, epoch, e.getMessage());
        } catch (OutOfMemoryError e) {
            end(TrainingEvent.Kind.FAILED, iteration, epoch, OUT_OF_MEMORY);
        } catch (Throwable e) {
            end(TrainingEvent.Kind.FAILED, iteration, epoch, "training failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            if (evaluator != null) {
                evaluator.close();
                evaluator = null; // a finished job the app keeps in its list holds no network
            }
        }
    }

    private void emitEpoch(EpochMetrics em) {
        for (TrainingListener l : listeners) {
            l.onEpoch(em);
        }
    }

    /** The row of an epoch still being evaluated in the background, before anything that ends or halts the run. */
    private void deliverPendingEpoch() {
        if (evaluator != null) {
            evaluator.awaitPending().ifPresent(this::emitEpoch);
        }
    }

    private static Dl4jSchedule constant(double lr) {
        return new Dl4jSchedule(new ConstantSchedule(lr), 1);
    }

    /** The LR of the job's update {@code iteration} (counted from 0), asked as DL4J asks: at the network's own count. */
    private double lrOf(SteerableSchedule lr, long iteration, int epoch) {
        return lr.valueAt((int) (startIteration + iteration), startEpoch + epoch);
    }

    /** Applies a pending override and waits out a pause; true when the job should stop. */
    private boolean applyControls(SteerableSchedule lr, long iteration, int epoch) throws InterruptedException {
        Double override;
        boolean pause;
        synchronized (controlLock) {
            override = pendingOverride;
            pendingOverride = null;
            pause = pauseRequested && !cancelRequested;
            if (cancelRequested) {
                return true;
            }
        }
        if (override != null) {
            if (override.isNaN()) {
                lr.clearOverride();
                emit(new TrainingEvent(TrainingEvent.Kind.LR_OVERRIDE_CLEARED, iteration, epoch, lrOf(lr, iteration, epoch),
                        "back to the schedule"));
            } else {
                lr.override(override);
                emit(new TrainingEvent(TrainingEvent.Kind.LR_OVERRIDDEN, iteration, epoch, override,
                        "learning rate set by hand to " + override));
            }
        }
        if (pause) {
            deliverPendingEpoch();
            emit(new TrainingEvent(TrainingEvent.Kind.PAUSED, iteration, epoch, lrOf(lr, iteration, epoch), "paused"));
            synchronized (controlLock) {
                while (pauseRequested && !cancelRequested) {
                    controlLock.wait();
                }
                if (cancelRequested) {
                    return true;
                }
            }
            emit(new TrainingEvent(TrainingEvent.Kind.RESUMED, iteration, epoch, lrOf(lr, iteration, epoch), "resumed"));
            return applyControls(lr, iteration, epoch); // an override given while paused applies now
        }
        return false;
    }

    private void observePlateau(PlateauController plateau, PlateauSchedule spec, EpochMetrics em, SteerableSchedule lr,
                                long iteration, int epoch) {
        double metric = switch (spec.monitor()) {
            case VAL_LOSS -> em.valLoss();
            case TRAIN_LOSS -> em.trainLoss();
            case VAL_ACCURACY -> em.valAccuracy();
        };
        double before = plateau.lr();
        double after = plateau.observe(metric);
        if (after != before) {
            lr.setBase(constant(after));
            emit(new TrainingEvent(TrainingEvent.Kind.PLATEAU_REDUCTION, iteration, epoch, after, spec.monitor().json()
                    + " did not improve for more than " + spec.patience() + " epochs: lr " + before + " -> " + after));
        }
    }

    private void emit(TrainingEvent event) {
        for (TrainingListener l : listeners) {
            l.onEvent(event);
        }
    }

    private void end(TrainingEvent.Kind kind, long iteration, int epoch, String message) {
        // A finished epoch keeps its row, however the run ends; if its evaluation failed, so did the run.
        try {
            deliverPendingEpoch();
        } catch (Throwable e) { // whatever the pending validation threw, the job still ends

            if (kind != TrainingEvent.Kind.FAILED) {
                kind = TrainingEvent.Kind.FAILED;
                message = e instanceof OutOfMemoryError ? OUT_OF_MEMORY
                        : "training failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        TrainingEvent event = new TrainingEvent(kind, iteration, epoch, Double.NaN, message);
        try {
            emit(event);
        } finally {
            ended.complete(event);
        }
    }
}
