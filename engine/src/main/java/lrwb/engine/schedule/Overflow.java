package lrwb.engine.schedule;

import java.util.function.LongToDoubleFunction;

/**
 * Where a growing curve stops being a number. A valid spec gives a finite LR at every step a long can count
 * (specs/schedules.md: learning rates are finite), so a curve that grows without bound (step or exponential
 * with a factor above 1, restarts whose peaks grow) is refused at validation, and the message says at which
 * step it would overflow, computed with the same arithmetic the curve uses.
 */
final class Overflow {
    private Overflow() {
    }

    /**
     * The first {@code x} in {@code [0, last]} where {@code f} is not finite, or -1 when {@code f(last)} is
     * finite. {@code f} must be monotone (finite up to some x, infinite from there on).
     */
    static long first(LongToDoubleFunction f, long last) {
        if (Double.isFinite(f.applyAsDouble(last))) {
            return -1;
        }
        long lo = 0;
        long hi = last;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (Double.isFinite(f.applyAsDouble(mid))) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
