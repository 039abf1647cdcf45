package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainValidationSplitTest {

    /** The primitive sort must give the boxed stable sort's order exactly (splits of earlier runs stay the same). */
    @Test
    void theStableSortGivesTheBoxedSortsOrderTiesIncluded() {
        java.util.Random random = new java.util.Random(5);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 100, 1000, 4001}) {
            int[] rows = SeededRandom.permutation(n, random);
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = random.nextInt(Math.max(1, n / 4)) / 7.0; // many ties
            }
            Integer[] boxed = java.util.Arrays.stream(rows).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingDouble(row -> key[row]));
            assertThat(TrainValidationSplit.stableSortByKey(rows, key)).as("n = %d", n)
                    .containsExactly(java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void holdsOutRoundedNTimesValSplitStratifiedByClass() {
        Examples rows = rows(60, 30, 10); // 100 rows
        TrainValidationSplit.Parts parts = TrainValidationSplit.split(rows, 0.2, 3, "t");
        assertThat(parts.validation().size()).isEqualTo(20);
        assertThat(parts.train().size()).isEqualTo(80);
        assertThat(parts.validation().classCounts()).containsExactly(12, 6, 2);
        assertThat(parts.train().classCounts()).containsExactly(48, 24, 8);
    }

    @Test
    void roundsToTheNearestRowAndKeepsEveryRowOnce() {
        Examples rows = rows(4, 3); // 7 rows, 0.3 -> 2.1 -> 2 held out
        TrainValidationSplit.Parts parts = TrainValidationSplit.split(rows, 0.3, 1, "t");
        assertThat(parts.validation().size()).isEqualTo(2);
        List<Float> ids = new ArrayList<>();
        for (Examples part : List.of(parts.train(), parts.validation())) {
            for (int r = 0; r < part.size(); r++) {
                ids.add(part.feature(r, 0));
            }
        }
        assertThat(ids).containsExactlyInAnyOrder(0f, 1f, 2f, 3f, 4f, 5f, 6f);
    }

    @Test
    void theSeedDecidesWhichRowsAreHeldOut() {
        Examples rows = rows(50, 50);
        List<Float> a = ids(TrainValidationSplit.split(rows, 0.2, 1, "t").validation());
        assertThat(ids(TrainValidationSplit.split(rows, 0.2, 1, "t").validation())).isEqualTo(a);
        assertThat(ids(TrainValidationSplit.split(rows, 0.2, 2, "t").validation())).isNotEqualTo(a);
    }

    @Test
    void tooFewRowsForEitherPart() {
        assertThatThrownBy(() -> TrainValidationSplit.split(rows(1, 1), 0.2, 1, "tiny.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("tiny.csv: 2 rows are too few to split with valSplit 0.2 (the validation part would be empty)");
        assertThatThrownBy(() -> TrainValidationSplit.split(rows(1, 1), 0.99, 1, "tiny.csv"))
                .hasMessage("tiny.csv: 2 rows are too few to split with valSplit 0.99 (the training part would be empty)");
    }

    @Test
    void aTrainingPartWithOneClassIsRefused() {
        assertThatThrownBy(() -> TrainValidationSplit.split(rows(2, 8), 0.8, 1, "lopsided"))
                .isInstanceOf(DataException.class)
                .hasMessage("lopsided: with valSplit 0.8 the training part keeps only one class; use a smaller valSplit or more rows");
    }

    /** Rows whose single feature is their index; {@code counts[c]} rows of class c, in class order. */
    private static Examples rows(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        float[] features = new float[n];
        int[] labels = new int[n];
        List<String> names = new ArrayList<>();
        int row = 0;
        for (int c = 0; c < counts.length; c++) {
            names.add("c" + c);
            for (int i = 0; i < counts[c]; i++, row++) {
                features[row] = row;
                labels[row] = c;
            }
        }
        return new Examples(features, 1, labels, names);
    }

    private static List<Float> ids(Examples part) {
        List<Float> ids = new ArrayList<>();
        for (int r = 0; r < part.size(); r++) {
            ids.add(part.feature(r, 0));
        }
        return ids;
    }
}
