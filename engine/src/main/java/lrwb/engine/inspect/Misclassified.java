package lrwb.engine.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A validation example the network got wrong.
 *
 * @param index          its row in the validation set (0-based)
 * @param trueClass      its label
 * @param predictedClass the class with the highest probability
 * @param confidence     that probability, in [0, 1]
 */
public record Misclassified(int index, int trueClass, int predictedClass, double confidence) {

    /** Most confident mistakes first (ties: lower index first): the ones that say most about what the net learned. */
    public static final Comparator<Misclassified> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(Misclassified::confidence).reversed().thenComparingInt(Misclassified::index);

    /** Every mistake in {@code p}, most confident first. */
    public static List<Misclassified> of(ValidationPredictions p) {
        List<Misclassified> wrong = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.predictedClasses()[i] != p.trueClasses()[i]) {
                wrong.add(new Misclassified(i, p.trueClasses()[i], p.predictedClasses()[i], p.confidences()[i]));
            }
        }
        wrong.sort(MOST_CONFIDENT_FIRST);
        return List.copyOf(wrong);
    }
}
