package lrwb.engine.run;

import lrwb.engine.runtime.EngineThreads;
import lrwb.engine.train.TrainingJob;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run the service started, the same shape for every kind: where it is recorded, the controls its kind allows
 * (any thread; they take effect before the next update) and its outcome. A range test can be cancelled; a
 * training run can also be paused, resumed and given an LR by hand.
 */
public final class RunHandle {
    private final RunKind kind;
    private final Path folder;
    private final TrainingJob job;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    final CompletableFuture<RunOutcome> ended = new CompletableFuture<>();

    RunHandle(RunKind kind, Path folder, TrainingJob job) {
        this.kind = kind;
        this.folder = folder;
        this.job = job;
    }

    public RunKind kind() {
        return kind;
    }

    /** The run's folder; it exists and holds a run.json from the moment the handle is returned. */
    public Path folder() {
        return folder;
    }

    /** Whether {@link #pause()} and {@link #resume()} apply: training runs. */
    public boolean canPause() {
        return job != null;
    }

    /** Whether {@link #overrideLr} applies: training (every optimizer has an LR, adadelta's a multiplier). */
    public boolean canOverrideLr() {
        return job != null;
    }

    /** Stops the run before its next update; its record so far is kept and completed (status cancelled). */
    public void cancel() {
        cancelRequested.set(true);
        if (job != null) {
            job.cancel();
        }
    }

    /**
     * Training: stops the run before its next update with status {@code diverged} and this message — for a caller's
     * own rule of divergence (a sweep's); its record so far is kept and completed.
     *
     * @throws IllegalStateException for a range test
     */
    public void stopDiverged(String why) {
        cancelRequested.set(true);
        trainingJob("stopped as diverged").stopDiverged(why);
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /** @throws IllegalStateException for a kind that cannot pause (a range test) */
    public void pause() {
        trainingJob("paused").pause();
    }

    /** @throws IllegalStateException for a kind that cannot pause (a range test) */
    public void resume() {
        trainingJob("resumed").resume();
    }

    /**
     * From the next update on, every update uses {@code lr} until {@link #clearLrOverride()}.
     *
     * @throws IllegalArgumentException when {@code lr} is not a finite number > 0
     * @throws IllegalStateException    for a range test, or an optimizer without an LR
     */
    public void overrideLr(double lr) {
        trainingJob("given an LR by hand").overrideLr(lr);
    }

    public void clearLrOverride() {
        trainingJob("given an LR by hand").clearLrOverride();
    }

    /**
     * Training: copies of the network's parameters a few times a second while it trains, and after its last epoch,
     * on the run's thread (see {@link TrainingJob#watchParameters}); nothing is copied while nobody watches.
     *
     * @return closing it stops the copies
     * @throws IllegalStateException for a range test
     */
    public AutoCloseable watchParameters(lrwb.engine.train.ParameterWatcher watcher) {
        return trainingJob("watched").watchParameters(watcher);
    }

    /** Completes, on the run's thread, once the record is complete. */
    public CompletableFuture<RunOutcome> ended() {
        return ended;
    }

    /** Waits for the outcome (an interrupt is kept for the caller and the wait goes on: the files must be complete). */
    public RunOutcome await() {
        return EngineThreads.await(ended);
    }

    private TrainingJob trainingJob(String what) {
        if (job == null) {
            throw new IllegalStateException("a " + kind.label() + " cannot be " + what);
        }
        return job;
    }
}
