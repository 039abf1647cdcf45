package lrwb.engine.finder;

/**
 * What a range test suggests (specs/lr-finder.md). A value is null when it cannot be computed, and
 * {@link #message()} then says why in words a user can act on.
 *
 * @param slide   fastai's interval slide rule, or null when no 15-point interval's ends' slopes agree (fewer than 16
 *                usable points, or a curve that never levels off over the points there are)
 * @param cyclic  bounds for a cyclic or one-cycle schedule, or null
 * @param warning why the values shown should not be trusted (the loss hardly fell, the test ended while it was
 *                still falling, ...), or null when nothing is known against them
 */
public record Suggestions(Double minimum10, Double steepest, Double valley, Double slide, CyclicBounds cyclic,
                          String message, String warning) {

    /** Suggestions with nothing known against them (and what older records without a warning read back as). */
    public Suggestions(Double minimum10, Double steepest, Double valley, Double slide, CyclicBounds cyclic, String message) {
        this(minimum10, steepest, valley, slide, cyclic, message, null);
    }

    /** Where the descent has started (lower) and where it has essentially stopped (upper). */
    public record CyclicBounds(double lower, double upper) {
    }

    public static Suggestions none(String why) {
        return new Suggestions(null, null, null, null, null, why);
    }

    /** Whether there is a reason not to trust the values. */
    public boolean isUnreliable() {
        return warning != null && !warning.isEmpty();
    }

    public boolean isEmpty() {
        return minimum10 == null && steepest == null && valley == null && slide == null && cyclic == null;
    }
}
