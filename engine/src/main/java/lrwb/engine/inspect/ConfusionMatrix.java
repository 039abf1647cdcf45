package lrwb.engine.inspect;

import java.util.List;

/**
 * How often each true class was predicted as each class: {@code counts[true][predicted]}.
 *
 * @param classNames one per class, in label-index order
 */
public record ConfusionMatrix(List<String> classNames, long[][] counts) {
    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        int n = classNames.size();
        if (counts.length != n) {
            throw new IllegalArgumentException(counts.length + " rows for " + n + " classes");
        }
        long[][] copy = new long[n][];
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns for " + n + " classes");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Counts the pairs (truth[i], predicted[i]). */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classNames) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
        long[][] counts = new long[classNames.size()][classNames.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, counts);
    }

    public static ConfusionMatrix of(ValidationPredictions p, List<String> classNames) {
        return of(p.trueClasses(), p.predictedClasses(), classNames);
    }

    public int numClasses() {
        return classNames.size();
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** Examples of the class, the row's total. */
    public long support(int trueClass) {
        long sum = 0;
        for (long c : counts[trueClass]) {
            sum += c;
        }
        return sum;
    }

    /**
     * Each row divided by its total: the share of a true class predicted as each class (a row sums to 1; the
     * diagonal is the class's recall). A class with no examples has a row of zeros.
     */
    public double[][] rowNormalised() {
        double[][] shares = new double[counts.length][counts.length];
        for (int t = 0; t < counts.length; t++) {
            long total = support(t);
            for (int p = 0; p < counts.length && total > 0; p++) {
                shares[t][p] = (double) counts[t][p] / total;
            }
        }
        return shares;
    }

    /** The share of examples on the diagonal; 0 without examples. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < counts.length; t++) {
            right += counts[t][t];
            all += support(t);
        }
        return all == 0 ? 0 : (double) right / all;
    }
}
