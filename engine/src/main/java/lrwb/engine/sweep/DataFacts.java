package lrwb.engine.sweep;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.NetworkShape;

/**
 * What a grid needs to know of a cell's data before anything runs: the shape a model must fit, and the training set's
 * size, which with the batch size makes the steps per epoch over which a schedule's peak is found.
 *
 * @param name the data's name for messages ({@code moons})
 */
record DataFacts(String name, NetworkShape shape, int trainSize) {
    /**
     * Loads the data once to learn its facts (the arrays are dropped again). The seed is left out of the question:
     * it changes which rows go where, never how many, so cells that differ only by seed share one load.
     *
     * @throws lrwb.engine.data.DataException (or InvalidSpecException) naming what is wrong with the data options
     */
    static DataFacts load(DataOptions options) {
        LoadedData data = Datasets.load(keyOf(options));
        return new DataFacts(data.name(), NetworkShape.of(data), data.trainSize());
    }

    /** The options that decide the facts: the same options with one fixed seed. */
    static DataOptions keyOf(DataOptions options) {
        return options.withSeed(DataOptions.DEFAULT_SEED);
    }

    /** Batches per epoch at this batch size: the last one may be short ({@code ShuffledBatches}). */
    int stepsPerEpoch(int batchSize) {
        return (trainSize + batchSize - 1) / batchSize;
    }
}
