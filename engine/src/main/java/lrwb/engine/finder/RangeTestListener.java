package lrwb.engine.finder;

/**
 * Receives a range test as it happens, on the thread that runs it. Implementations that update a UI hand
 * the values over to their own thread (the app coalesces them per frame).
 */
public interface RangeTestListener {
    RangeTestListener NONE = new RangeTestListener() {
    };

    /** Every recorded update, in order. */
    default void onPoint(RangePoint point) {
    }

    /** Once, after the network has been restored. */
    default void onFinished(RangeTestResult result) {
    }
}
