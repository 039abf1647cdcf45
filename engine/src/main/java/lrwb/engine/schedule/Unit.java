package lrwb.engine.schedule;

/** What the formula's {@code t} counts: optimizer updates, or whole epochs ({@code floor(iteration / stepsPerEpoch)}). */
public enum Unit {
    ITERATION("iteration"),
    EPOCH("epoch");

    private final String json;

    Unit(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The formula's t for a 0-based iteration. */
    public long t(long iteration, int stepsPerEpoch) {
        return this == ITERATION ? iteration : Math.floorDiv(iteration, (long) stepsPerEpoch);
    }

    /** Iterations in one unit. */
    public long iterations(int stepsPerEpoch) {
        return this == ITERATION ? 1 : stepsPerEpoch;
    }
}
