package lrwb.engine.data;

import java.util.Random;

/**
 * Random streams and shuffles derived from the one user seed. Built on {@link java.util.Random}, whose
 * algorithm the JDK specifies exactly, so the same seed gives the same data and order on every JVM and
 * every release.
 */
final class SeededRandom {
    /** Stream for generating the points of a synthetic set. */
    static final long GENERATE_STREAM = -3;
    /** Stream for choosing the rows a limit keeps from a built-in set. */
    static final long SAMPLE_STREAM = -2;
    /** Stream for the train/validation split. Pass {@code p} of {@link ShuffledBatches} uses stream {@code p}. */
    static final long SPLIT_STREAM = -1;

    private SeededRandom() {
    }

    /**
     * An independent random stream per use of one user seed: generation, the split, the limit's sample
     * and every pass of the batches would otherwise replay the same sequence. SplitMix64's finaliser mixes all 64
     * bits of seed and stream, where {@code new Random(seed)} alone would drop the top 16 bits of the seed.
     */
    static Random stream(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 3);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** A Fisher-Yates permutation of 0..n-1. */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
