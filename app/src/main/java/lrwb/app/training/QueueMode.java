package lrwb.app.training;

/** How the queued runs are started. */
public enum QueueMode {
    /** One at a time, in queue order: each gets the whole machine, and timings compare fairly. */
    ONE_AFTER_ANOTHER("One after another"),
    /** All at once, each on its own thread: the curves grow together. */
    SIDE_BY_SIDE("Side by side");

    private final String label;

    QueueMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
