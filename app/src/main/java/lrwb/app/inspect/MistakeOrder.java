package lrwb.app.inspect;

import lrwb.engine.inspect.Misclassified;

import java.util.Comparator;

/** How the misclassified grid is sorted. */
public enum MistakeOrder {
    MOST_CONFIDENT("Most confident first", Misclassified.MOST_CONFIDENT_FIRST),
    LEAST_CONFIDENT("Least confident first",
            Comparator.comparingDouble(Misclassified::confidence).thenComparingInt(Misclassified::index)),
    VALIDATION_ORDER("Validation order", Comparator.comparingInt(Misclassified::index));

    private final String label;
    private final Comparator<Misclassified> comparator;

    MistakeOrder(String label, Comparator<Misclassified> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public Comparator<Misclassified> comparator() {
        return comparator;
    }

    @Override
    public String toString() {
        return label;
    }
}
