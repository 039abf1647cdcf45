package lrwb.engine.finder;

import java.util.List;

/**
 * A finished (or stopped) range test: every recorded point, why it stopped, and the suggestions.
 *
 * @param stoppedAt  index of the last recorded update, -1 when none was recorded
 * @param iterations the planned number of updates n
 */
public record RangeTestResult(List<RangePoint> points, boolean diverged, boolean cancelled, int stoppedAt, int iterations,
                              Suggestions suggestions) {
    public RangeTestResult {
        points = List.copyOf(points);
    }
}
