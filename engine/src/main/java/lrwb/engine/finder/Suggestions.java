package lrwb.engine.finder;

/**
 * What a range test suggests (specs/lr-finder.md). A value is null when it cannot be computed, and
 * {@link #message()} then says why in words a user can act on.
 *
 * @param cyclic bounds for a cyclic or one-cycle schedule, or null
 */
public record Suggestions(Double minimum10, Double steepest, Double valley, CyclicBounds cyclic, String message) {

    /** Where the descent has started (lower) and where it has essentially stopped (upper). */
    public record CyclicBounds(double lower, double upper) {
    }

    public static Suggestions none(String why) {
        return new Suggestions(null, null, null, null, why);
    }

    public boolean isEmpty() {
        return minimum10 == null && steepest == null && valley == null && cyclic == null;
    }
}
