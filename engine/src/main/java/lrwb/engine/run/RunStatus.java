package lrwb.engine.run;

/** Where a run is in its life, as written in run.json. */
public enum RunStatus {
    RUNNING("running"), FINISHED("finished"), DIVERGED("diverged"), CANCELLED("cancelled"), FAILED("failed"),
    /** Read back as running from a process that is gone: it was killed or crashed. */
    INTERRUPTED("interrupted");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
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
