package lrwb.app.training;

import lrwb.engine.run.RunStatus;

/** Where a run in the Training workspace is: waiting in the queue, live, or ended (and how). */
public enum RunState {
    QUEUED("queued"), LOADING("loading data"), RUNNING("running"), PAUSED("paused"),
    FINISHED("finished"), STOPPED("stopped"), DIVERGED("diverged"), FAILED("failed"),
    /** Read back from a run whose process was killed before it ended. */
    INTERRUPTED("interrupted");

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
        return this == DIVERGED || this == FAILED || this == INTERRUPTED;
    }

    /** The state of a run read back from its run.json. */
    static RunState of(RunStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case FINISHED -> FINISHED;
            case CANCELLED -> STOPPED;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
