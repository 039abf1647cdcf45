package lrwb.engine.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

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
        Integer[] byKey = IntStream.of(shuffled).boxed().toArray(Integer[]::new);
        Arrays.sort(byKey, Comparator.comparingDouble(row -> key[row]));

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

    private static int[] reorder(int[] rows, Random random) {
        int[] order = SeededRandom.permutation(rows.length, random);
        int[] result = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            result[i] = rows[order[i]];
        }
        return result;
    }
}
