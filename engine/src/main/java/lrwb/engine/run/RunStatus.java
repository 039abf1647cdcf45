package lrwb.engine.run;

/** Where a run is in its life, as written in run.json. */
public enum RunStatus {
    RUNNING("running"), FINISHED("finished"), DIVERGED("diverged"), CANCELLED("cancelled"), FAILED("failed"),
    /** Read back as running from a process that is gone: it was killed or crashed. */
    INTERRUPTED("interrupted"),
    /** Read back from a folder whose run.json is missing or cannot be read: what the run did is not known. */
    DAMAGED("damaged");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The one word for it, in the CLI, the files and the window alike. */
    public String label() {
        return json;
    }

    /** Whether the run may still be going on. */
    public boolean isLive() {
        return this == RUNNING;
    }

    public static RunStatus parse(String text) {
        for (RunStatus s : values()) {
            if (s.json.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + text + "'");
    }
}
