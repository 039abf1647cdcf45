package lrwb.engine.runtime;

import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostCopyTest {
    private static final INDArray M = Nd4j.linspace(DataType.FLOAT, 1, 24, 1).reshape('c', 4, 6);

    @Test
    void readsEveryLayoutInRowMajorOrder() {
        assertSameValues(M);
        assertSameValues(M.dup('f'));
        assertSameValues(M.transpose());
        assertSameValues(M.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all())); // a view at an offset
        assertSameValues(M.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5))); // rows with gaps
        assertSameValues(M.get(NDArrayIndex.interval(3, 4), NDArrayIndex.all()));
        assertSameValues(M.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 6)));
        assertSameValues(M.castTo(DataType.DOUBLE));
    }

    @Test
    void readsANetworksLiveParameterViews() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(4, 3), 7, EngineTuning.defaults());
        INDArray w = net.getOutputLayer().getParam("W");
        assertSameValues(w);
        assertSameValues(w.transpose());
        INDArray b = net.getOutputLayer().getParam("b");
        b.assign(Nd4j.createFromArray(0.5f, -1f, 2f).reshape(b.shape()));
        assertThat(HostCopy.values(b)).containsExactly(0.5f, -1f, 2f);
        assertThat(HostCopy.values(Nd4j.createFromArray(1f, 2f, 3f))).containsExactly(1f, 2f, 3f);
        assertThat(HostCopy.values(Nd4j.createFromArray(1f, 2f, 3f).reshape(3, 1))).containsExactly(1f, 2f, 3f);
    }

    /** Up to 8192 floats a copy goes through Unsafe, above through JavaCPP: both ways, either side of the limit. */
    @Test
    void copiesSmallAndLargeVectorsBothWaysExactly() {
        for (int length : new int[] {1, 17, 8192, 8193, 30_000}) {
            float[] values = new float[length];
            for (int k = 0; k < length; k++) {
                values[k] = k * 0.5f - 3;
            }
            INDArray row = Nd4j.zeros(DataType.FLOAT, 1, length + 2);
            INDArray vector = row.get(NDArrayIndex.point(0), NDArrayIndex.interval(1, length + 1)); // a view at an offset
            HostCopy.write(values, vector);
            assertThat(vector.toFloatVector()).as("written, %d values", length).containsExactly(values);
            assertThat(row.getFloat(0, 0)).as("the value before the view").isZero();
            assertThat(row.getFloat(0, length + 1)).as("the value after the view").isZero();
            assertThat(HostCopy.values(vector, new float[length])).as("read, %d values", length).containsExactly(values);
        }
        assertThatThrownBy(() -> HostCopy.firstValue(M).get(new float[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> HostCopy.firstValue(M).put(new float[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void movesItsPointerToWhereNd4jPointsForArraysAndViews() {
        MultiLayerNetwork net = Networks.build(ModelSpec.mlp(5), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.tabular(4, 3), 7, EngineTuning.defaults());
        List<INDArray> arrays = List.of(M, M.dup('f'), M.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()),
                M.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5)), M.getRow(2), M.getColumn(3), M.reshape(6, 4),
                net.params(), net.getGradientsViewArray(), net.getLayer(0).getParam("b"), net.getOutputLayer().getParam("W"),
                net.getOutputLayer().getParam("b"), net.getOutputLayer().getGradientsViewArray());
        for (INDArray a : arrays) {
            assertThat(HostCopy.firstValue(a).address()).as(a.shapeInfoToString()).isEqualTo(a.data().addressPointer().address());
        }
        assertThat(arrays.get(9).data().offset()).as("a view at an offset is among them").isPositive();
    }

    @Test
    void movesItsPointerToArraysInAWorkspace() {
        // the lean layers' activations and gradients live in DL4J's workspaces: arrays carved out of one allocation
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(1 << 16)
                .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.NONE).build();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "HostCopyTest")) {
            INDArray first = Nd4j.createUninitialized(DataType.FLOAT, 3, 5);
            INDArray second = Nd4j.createUninitialized(DataType.FLOAT, 4, 6);
            for (INDArray a : List.of(first, second, second.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()))) {
                assertThat(a.isAttached()).isTrue();
                assertThat(HostCopy.firstValue(a).address()).isEqualTo(a.data().addressPointer().address());
            }
            HostCopy.write(new float[][] {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 1}},
                    second);
            assertThat(second.getFloat(1, 5)).isEqualTo(12f);
            assertThat(HostCopy.rows(second, new float[4][6])[3]).containsExactly(0, 0, 0, 0, 0, 1);
        }
    }

    @Test
    void copiesChosenRowsNativeToNativeForEveryTypeAndOffset() {
        int[] order = {9, 3, 3, 0, 7, 5};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT, DataType.HALF}) {
            INDArray all = Nd4j.linspace(DataType.DOUBLE, 1, 120, 1).reshape('c', 12, 10).castTo(type);
            INDArray from = all.get(NDArrayIndex.interval(2, 12), NDArrayIndex.all()); // a view 2 rows in
            INDArray into = Nd4j.zeros(type, 6, 10);
            INDArray target = into.get(NDArrayIndex.interval(1, 5), NDArrayIndex.all()); // rows 1..4 of it
            assertThat(HostCopy.copyRows(from, order, 1, 4, target)).isTrue(); // rows 3, 3, 0, 7
            assertThat(into.getRow(0).sumNumber().doubleValue()).isZero();
            assertThat(into.getRow(5).sumNumber().doubleValue()).isZero();
            for (int i = 0; i < 4; i++) {
                assertThat(target.getRow(i)).as("%s row %d", type, i).isEqualTo(from.getRow(order[1 + i]));
            }
        }
    }

    @Test
    void copyRowsRefusesLayoutsItCannotCopyAndRowsOutsideTheMatrix() {
        INDArray into = Nd4j.zeros(DataType.FLOAT, 4, 6);
        int[] rows = {0, 1, 2, 3};
        assertThat(HostCopy.copyRows(M.dup('f'), rows, 0, 4, into)).isFalse();
        assertThat(HostCopy.copyRows(M.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 6, 2)), rows, 0, 4,
                Nd4j.zeros(DataType.FLOAT, 4, 3))).isFalse(); // every other column
        assertThat(HostCopy.copyRows(M.castTo(DataType.DOUBLE), rows, 0, 4, into)).isFalse();
        assertThat(HostCopy.copyRows(M, rows, 0, 4, Nd4j.zeros(DataType.FLOAT, 4, 5))).isFalse();
        assertThat(HostCopy.copyRows(M, rows, 0, 4, Nd4j.zeros(DataType.FLOAT, 3, 6))).isFalse();
        assertThat(into.sumNumber().doubleValue()).isZero();
        assertThatThrownBy(() -> HostCopy.copyRows(M, new int[] {0, 4}, 0, 2, into))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> HostCopy.copyRows(M, rows, 2, 3, into)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void argMaxOfRowsTakesTheFirstOfEqualValues() {
        INDArray scores = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {3, 1, 3}, {0.1f, 0.2f, 0.3f}});
        assertThat(HostCopy.argMaxOfRows(scores)).containsExactly(1, 0, 2);
    }

    @Test
    void readsRowsIntoGivenArraysFromEveryLayout() {
        for (INDArray m : List.of(M, M.dup('f'), M.transpose(), M.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()),
                M.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5)), M.castTo(DataType.DOUBLE))) {
            float[][] into = new float[(int) m.rows()][(int) m.columns()];
            assertThat(HostCopy.rows(m, into)).as(m.shapeInfoToString()).isSameAs(into).isDeepEqualTo(m.toFloatMatrix());
        }
    }

    @Test
    void rowsOfAnotherShapeAreRefusedNotTruncated() {
        assertThatThrownBy(() -> HostCopy.rows(M, new float[4][5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows of 4 x 6 into 4 rows");
        assertThatThrownBy(() -> HostCopy.write(new float[3][6], Nd4j.create(DataType.FLOAT, 4, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("3 rows of 6 for an array of shape [4, 6]");
    }

    @Test
    void writesRowsIntoEveryLayout() {
        float[][] rows = M.toFloatMatrix();
        for (INDArray into : List.of(Nd4j.create(DataType.FLOAT, new long[] {4, 6}, 'c'), Nd4j.create(DataType.FLOAT, new long[] {4, 6}, 'f'),
                Nd4j.create(DataType.FLOAT, 6, 4).transpose(), Nd4j.create(DataType.FLOAT, 4, 8).get(NDArrayIndex.all(),
                        NDArrayIndex.interval(1, 7)), Nd4j.create(DataType.DOUBLE, 4, 6))) {
            HostCopy.write(rows, into);
            assertThat(into.toFloatMatrix()).as(into.shapeInfoToString()).isDeepEqualTo(rows);
        }
    }

    @Test
    void copiesVectorValuesIntoAGivenArray() {
        float[] into = new float[3];
        assertThat(HostCopy.values(Nd4j.createFromArray(1f, 2f, 3f).reshape(1, 3), into)).isSameAs(into).containsExactly(1f, 2f, 3f);
        assertThat(HostCopy.values(Nd4j.createFromArray(4f, 5f, 6f, 7f, 8f, 9f).get(NDArrayIndex.interval(0, 2, 6)), into))
                .containsExactly(4f, 6f, 8f); // strided
        assertThat(HostCopy.values(Nd4j.createFromArray(1.5, 2.5, 3.5), into)).containsExactly(1.5f, 2.5f, 3.5f);
    }

    private static void assertSameValues(INDArray m) {
        float[][] expected = m.toFloatMatrix();
        float[] actual = HostCopy.rowMajor(m);
        assertThat(actual).hasSize((int) m.length());
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertThat(actual[r * expected[r].length + c]).as("[%d, %d] of %s", r, c, m.shapeInfoToString())
                        .isEqualTo(expected[r][c]);
            }
        }
    }
}
