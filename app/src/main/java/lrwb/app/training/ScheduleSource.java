package lrwb.app.training;

/** Where the LR of a training run comes from. */
public enum ScheduleSource {
    CONSTANT("Constant LR"),
    LIBRARY("Saved schedule"),
    PLATEAU("Reduce on plateau"),
    /** Handed over by another workspace ("Train with this" in the Designer or the LR Finder). */
    GIVEN("From another workspace");

    private final String label;

    ScheduleSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
