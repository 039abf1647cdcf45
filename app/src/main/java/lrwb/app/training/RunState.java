package lrwb.app.training;

import lrwb.engine.run.RunStatus;

/** Where a run in the Training workspace is: waiting in the queue, live, or ended (and how). */
public enum RunState {
    QUEUED("queued"), LOADING("loading data"), RUNNING("running"), PAUSED("paused"),
    FINISHED("finished"), CANCELLED("cancelled"), DIVERGED("diverged"), FAILED("failed"),
    /** Read back from a run whose process was killed before it ended. */
    INTERRUPTED("interrupted"),
    /** Read back from a folder whose run.json cannot be read. */
    DAMAGED("damaged");

    /** The same word as the run's {@link RunStatus} where there is one: one word per meaning in CLI, files and UI. */
    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A job exists for it and has not ended: it can be paused, stopped or steered. */
    public boolean isLive() {
        return this == LOADING || this == RUNNING || this == PAUSED;
    }

    public boolean hasEnded() {
        return !isLive() && this != QUEUED;
    }

    /** Ended badly: the reason must be on the screen. */
    public boolean isProblem() {
        return this == DIVERGED || this == FAILED || this == INTERRUPTED || this == DAMAGED;
    }

    /** The state of a run read back from its run.json. */
    static RunState of(RunStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case FINISHED -> FINISHED;
            case CANCELLED -> CANCELLED;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
            case DAMAGED -> DAMAGED;
        };
    }
}
