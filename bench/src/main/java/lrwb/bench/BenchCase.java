package lrwb.bench;

import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One network size of the benchmark: the data (iris, or a random idx folder of the right shape), the MLP,
 * the batch size, and how long one timed block of each loop is.
 *
 * @param blockIterations updates per timed block of the bare loop, the range test and the mmul loop
 * @param trainEpochs     epochs per timed block of the training job (whole epochs, so the per-epoch
 *                        evaluation is part of the per-iteration cost)
 */
record BenchCase(String name, String shape, DataOptions data, ModelSpec model, int batchSize, int blockIterations,
                 int trainEpochs, int rounds) {

    static BenchCase iris(int rounds) {
        return new BenchCase("iris", "4-16-3, batch 16", DataOptions.of("iris"), ModelSpec.mlp(16), 16, 100, 13, rounds);
    }

    /** sklearn's digits: 1797 8x8 images, 80/20 split. */
    static BenchCase digits(Path work, int rounds) throws IOException {
        Path dir = RandomIdx.write(work.resolve("digits"), 8, 10, 1437, 360, 8);
        return new BenchCase("digits", "64-32-10, batch 64", DataOptions.of("idx:" + dir), ModelSpec.mlp(32), 64, 100, 5,
                rounds);
    }

    /** MNIST: 60000 + 10000 28x28 images. */
    static BenchCase mnist(Path work, int rounds, int trainCount) throws IOException {
        Path dir = RandomIdx.write(work.resolve("mnist"), 28, 10, trainCount, trainCount / 6, 28);
        return new BenchCase("mnist", "784-256-10, batch 64", DataOptions.of("idx:" + dir), ModelSpec.mlp(256), 64, 100, 1,
                rounds);
    }
}
