package lrwb.engine.sweep;

/**
 * How a sweep ended, once its files are complete.
 *
 * @param done    cells in summary.csv (earlier starts' included)
 * @param failed  of those, cells whose run failed
 * @param message a sentence about the end (why it failed); never null
 */
public record SweepOutcome(Status status, int done, int total, int failed, String message) {
    public enum Status {
        FINISHED, CANCELLED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
