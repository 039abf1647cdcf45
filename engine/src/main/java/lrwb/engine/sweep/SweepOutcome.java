package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
public record SweepOutcome(Status status, int done, int total, int failed, String message) {
    public enum Status {
        FINISHED, CANCELLED, FAILED;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
