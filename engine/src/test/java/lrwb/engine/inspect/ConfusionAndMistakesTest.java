package lrwb.engine.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The confusion matrix and the misclassified list on predictions known in advance, and their CSV files. */
class ConfusionAndMistakesTest {
    private static final List<String> NAMES = List.of("cat", "dog", "bird, small");
    private static final ValidationPredictions PREDICTIONS = new ValidationPredictions(
            new int[] {0, 0, 0, 1, 1, 2, 2, 2},
            new int[] {0, 1, 2, 1, 1, 2, 0, 2},
            new double[] {0.9, 0.6, 0.8, 0.7, 0.95, 0.5, 0.6, 0.99});

    @Test
    void countsAndRowSharesOfKnownPredictions() {
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTIONS, NAMES);

        assertThat(m.counts()).isEqualTo(new long[][] {{1, 1, 1}, {0, 2, 0}, {1, 0, 2}});
        double[][] shares = m.rowNormalised();
        assertThat(shares[0]).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
        assertThat(shares[1]).containsExactly(0, 1, 0);
        assertThat(shares[2]).containsExactly(new double[] {1 / 3.0, 0, 2 / 3.0}, within(1e-12));
        assertThat(m.accuracy()).isEqualTo(5 / 8.0);
    }

    @Test
    void aClassWithoutExamplesHasARowOfZeros() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}, NAMES);

        assertThat(m.rowNormalised()[2]).containsExactly(0, 0, 0);
    }

    @Test
    void mistakesComeMostConfidentFirstTiesByIndex() {
        ValidationPredictions p = new ValidationPredictions(new int[] {0, 1, 0, 1, 0}, new int[] {1, 0, 0, 0, 1},
                new double[] {0.6, 0.9, 0.99, 0.6, 0.7});

        assertThat(Misclassified.of(p)).containsExactly(
                new Misclassified(1, 1, 0, 0.9), new Misclassified(4, 0, 1, 0.7),
                new Misclassified(0, 0, 1, 0.6), new Misclassified(3, 1, 0, 0.6));
    }

    @Test
    void theCsvFilesSpellTheTables() {
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTIONS, NAMES);

        assertThat(InspectionReport.confusionCsv(m, false)).isEqualTo("""
                true\\predicted,cat,dog,"bird, small"
                cat,1,1,1
                dog,0,2,0
                "bird, small",1,0,2
                """);
        assertThat(InspectionReport.confusionCsv(m, true).lines().toList().get(3)).isEqualTo("\"bird, small\",0.3333,0.0000,0.6667");
        assertThat(InspectionReport.misclassifiedCsv(Misclassified.of(PREDICTIONS), NAMES)).isEqualTo("""
                index,true,predicted,confidence
                2,cat,"bird, small",0.8000
                1,cat,dog,0.6000
                6,"bird, small",cat,0.6000
                """);
    }
}
