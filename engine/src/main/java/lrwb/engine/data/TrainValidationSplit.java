package lrwb.engine.data;

import java.util.Random;

/**
 * A seeded, stratified train/validation split: {@code round(n * valSplit)} rows are held out, and every
 * class contributes to both parts in proportion to its size (up to rounding), so a 20% split of iris holds
 * out exactly 10 flowers of each species. Both parts come out in a seeded random order.
 */
final class TrainValidationSplit {
    private TrainValidationSplit() {
    }

    record Parts(Examples train, Examples validation) {
    }

    /** @param name the dataset as messages call it */
    static Parts split(Examples all, double valSplit, long seed, String name) {
        int n = all.size();
        int validationSize = (int) Math.round(n * valSplit);
        if (validationSize < 1 || validationSize > n - 1) {
            throw new DataException(name + ": " + n + (n == 1 ? " row is" : " rows are") + " too few to split with valSplit "
                    + OptionRules.text(valSplit) + " (the " + (validationSize < 1 ? "validation" : "training")
                    + " part would be empty)");
        }
        Random random = SeededRandom.stream(seed, SeededRandom.SPLIT_STREAM);
        int[] shuffled = SeededRandom.permutation(n, random);

        // Walk the rows in random order; the k-th row met of a class of size m gets the key (k + 0.5) / m,
        // its position along its own class. Sorting by key interleaves the classes in proportion, so any
        // prefix of the sorted order is stratified. The sort is stable, so ties stay in random order.
        int[] counts = all.classCounts();
        int[] seen = new int[counts.length];
        double[] key = new double[n];
        for (int row : shuffled) {
            int label = all.label(row);
            key[row] = (seen[label]++ + 0.5) / counts[label];
        }
        int[] byKey = stableSortByKey(shuffled, key);

        int[] validation = new int[validationSize];
        int[] train = new int[n - validationSize];
        for (int i = 0; i < n; i++) {
            if (i < validationSize) {
                validation[i] = byKey[i];
            } else {
                train[i - validationSize] = byKey[i];
            }
        }
        Examples trainPart = all.rows(reorder(train, random));
        if (trainPart.presentClassCount() < 2) {
            throw new DataException(name + ": with valSplit " + OptionRules.text(valSplit)
                    + " the training part keeps only one class; use a smaller valSplit or more rows");
        }
        return new Parts(trainPart, all.rows(reorder(validation, random)));
    }

    /**
     * {@code rows} sorted by {@code key[row]} ({@link Double#compare}), rows of equal keys in their order in {@code rows}:
     * what {@code Arrays.sort} of the boxed rows with {@code Comparator.comparingDouble} gives (a stable sort's result is
     * unique), on primitives. The boxed sort cost a sweep more than its time: every cell sorts here, and the JIT kept
     * recompiling the library's sort for the other element types the process sorts in between.
     */
    static int[] stableSortByKey(int[] rows, double[] key) {
        int[] from = rows.clone();
        int[] to = new int[rows.length];
        for (int width = 1; width < from.length; width *= 2) { // bottom-up merge sort: stable, n log n
            for (int lo = 0; lo < from.length; lo += 2 * width) {
                int mid = Math.min(lo + width, from.length);
                int hi = Math.min(lo + 2 * width, from.length);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    // the left run first on a tie: stable
                    to[k] = j >= hi || (i < mid && Double.compare(key[from[i]], key[from[j]]) <= 0) ? from[i++] : from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static int[] reorder(int[] rows, Random random) {
        int[] order = SeededRandom.permutation(rows.length, random);
        int[] result = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            result[i] = rows[order[i]];
        }
        return result;
    }
}
