package lrwb.engine.model.lean;

import org.nd4j.linalg.learning.GradientUpdater;

/**
 * A {@link GradientUpdater} whose arithmetic can also run on a block's gradient held in a Java array, with the
 * same float operations in the same order as its {@code applyUpdater}, so the update and the state it leaves are bit
 * for bit the same. A small network's update then needs no native operation (LeanStep's updater in Java).
 */
public interface ValuesUpdater {
    /** Whether {@link #updateValues} gives {@code applyUpdater}'s result for a block of {@code length} values. */
    boolean updatesValues(long length);

    /**
     * What {@code applyUpdater(gradient, iteration, epoch)} does, on the block's gradient values {@code g} (in the
     * order of the block's flat gradient view): {@code g} becomes the update the step subtracts, and the updater's
     * state (in DL4J's state array) moves on as it would.
     */
    void updateValues(float[] g, int iteration, int epoch);
}
