package lrwb.engine.data;

import java.util.Random;

/**
 * A seeded Fisher-Yates permutation of 0..n-1. Built on {@link java.util.Random}, whose algorithm the JDK
 * specifies exactly, so the same seed gives the same order on every JVM and every release.
 */
final class Permutation {
    private Permutation() {
    }

    static int[] of(int n, Random random) {
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
