package lrwb.app.sweeps;

/** How the sweep form gives its LR axis. */
public enum LrAxisMode {
    /** from / to / points, log-spaced, both ends included */
    RANGE("log range"),
    /** the LRs typed, in order */
    LIST("list"),
    /** no LR axis: every cell trains with its schedule as given */
    NONE("none");

    private final String label;

    LrAxisMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
