package lrwb.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks shared by the dataset tests: shapes, dtypes, one-hot labels, column statistics. */
final class DataAssertions {
    private DataAssertions() {
    }

    static void assertShape(DataSet data, int rows, int features, int classes) {
        assertThat(data.getFeatures().shape()).containsExactly(rows, features);
        assertThat(data.getLabels().shape()).containsExactly(rows, classes);
        assertThat(data.getFeatures().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(data.getLabels().dataType()).isEqualTo(DataType.FLOAT);
        INDArray labels = data.getLabels();
        for (int r = 0; r < rows; r++) {
            assertThat(labels.getRow(r).sumNumber().doubleValue()).as("one-hot row %d", r).isEqualTo(1.0);
            assertThat(labels.getRow(r).maxNumber().doubleValue()).as("one-hot row %d", r).isEqualTo(1.0);
        }
    }

    /** Class index of each row, from the one-hot labels. */
    static int[] classes(DataSet data) {
        return data.getLabels().argMax(1).toIntVector();
    }

    static int[] classCounts(DataSet data, int numClasses) {
        int[] counts = new int[numClasses];
        for (int c : classes(data)) {
            counts[c]++;
        }
        return counts;
    }

    static void assertStandardised(DataSet data) {
        INDArray features = data.getFeatures().castTo(DataType.DOUBLE);
        for (int c = 0; c < features.columns(); c++) {
            INDArray column = features.getColumn(c);
            assertThat(column.meanNumber().doubleValue()).as("mean of column %d", c).isCloseTo(0, within(1e-5));
            assertThat(column.stdNumber(false).doubleValue()).as("std of column %d", c).isCloseTo(1, within(1e-4));
        }
    }
}
