package lrwb.engine.data;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShuffledBatchesTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    /** 10 examples whose first feature is their id; the label is id % 3, so pairs can be checked. */
    private static final DataSet IDS = idDataSet(10);

    @Test
    void cutsCeilNOverBatchSizeBatchesTheLastOneSmaller() {
        ShuffledBatches batches = new ShuffledBatches(IDS, 4, 1, ENGINE);
        assertThat(batches.batchesPerPass()).isEqualTo(3);
        assertThat(batches.numExamples()).isEqualTo(10);
        assertThat(batches.pass(0)).extracting(DataSet::numExamples).containsExactly(4, 4, 2);
        assertThat(new ShuffledBatches(IDS, 5, 1, ENGINE).batchesPerPass()).isEqualTo(2);
        assertThat(new ShuffledBatches(IDS, 64, 1, ENGINE).pass(0)).extracting(DataSet::numExamples).containsExactly(10);
    }

    @Test
    void everyExampleOncePerPassWithItsOwnLabel() {
        ShuffledBatches batches = new ShuffledBatches(IDS, 3, 7, ENGINE);
        for (int pass = 0; pass < 5; pass++) {
            List<Integer> ids = new ArrayList<>();
            for (DataSet batch : batches.pass(pass)) {
                for (int r = 0; r < batch.numExamples(); r++) {
                    int id = (int) batch.getFeatures().getDouble(r, 0);
                    ids.add(id);
                    assertThat(batch.getFeatures().getDouble(r, 1)).isEqualTo(-id);
                    assertThat(batch.getLabels().getDouble(r, id % 3)).isEqualTo(1.0);
                }
            }
            assertThat(ids).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void passesDifferAndTheSameSeedRepeatsThem() {
        ShuffledBatches batches = new ShuffledBatches(IDS, 4, 42, ENGINE);
        assertThat(order(batches, 0)).isNotEqualTo(order(batches, 1));
        assertThat(order(batches, 1)).isNotEqualTo(order(batches, 2));
        assertThat(order(batches, 3)).isEqualTo(order(new ShuffledBatches(IDS, 4, 42, ENGINE), 3));
        assertThat(order(batches, 0)).isNotEqualTo(order(new ShuffledBatches(IDS, 4, 43, ENGINE), 0));
        assertThat(order(batches, 0)).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void batchesAreCopiesSoTrainingCannotAlterTheData() {
        ShuffledBatches batches = new ShuffledBatches(IDS, 10, 1, ENGINE);
        batches.pass(0).get(0).getFeatures().assign(-1);
        assertThat(order(batches, 0)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aStreamGivesThePassesBatchesAlsoAcrossChunksThatReuseMemory() {
        // 3000 x 400: a chunk holds 40 batches of 64, so a pass is a full chunk and a part one (the last batch 56 rows)
        int n = 3000;
        int width = 400;
        float[] features = new float[n * width];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                features[i * width + j] = i + j / 1000f;
            }
            labels[i] = i % 3;
        }
        DataSet data = new Examples(features, width, labels, List.of("a", "b", "c")).toDataSet();
        ShuffledBatches batches = new ShuffledBatches(data, 64, 9, ENGINE);
        int perPass = batches.batchesPerPass();
        java.util.Iterator<DataSet> stream = batches.stream(1, 3L * perPass - 5); // passes 1, 2 and most of 3
        for (int pass = 1; pass <= 3; pass++) {
            List<DataSet> expected = batches.pass(pass);
            for (int b = 0; b < (pass < 3 ? perPass : perPass - 5); b++) {
                DataSet got = stream.next();
                assertThat(got.getFeatures()).as("pass %d batch %d", pass, b).isEqualTo(expected.get(b).getFeatures());
                assertThat(got.getLabels()).isEqualTo(expected.get(b).getLabels());
            }
        }
        assertThat(stream.hasNext()).isFalse();
        assertThatThrownBy(stream::next).isInstanceOf(java.util.NoSuchElementException.class);

        // An abandoned stream's background copy does not spoil the next stream's batches.
        for (int attempt = 0; attempt < 5; attempt++) {
            batches.stream(0, 100).next();
            java.util.Iterator<DataSet> again = batches.stream(2, 2);
            assertThat(again.next().getFeatures()).isEqualTo(batches.pass(2).get(0).getFeatures());
            assertThat(again.next().getFeatures()).isEqualTo(batches.pass(2).get(1).getFeatures());
            assertThat(again.hasNext()).isFalse();
        }
        assertThat(batches.pass(0).get(46).numExamples()).isEqualTo(56);
    }

    @Test
    void aStreamOfSmallChunksCopiedOnItsOwnThreadGivesThePassesBatches() {
        // iris-sized: a pass of 30 rows x 5 values is one chunk, far below SMALL_CHUNK_VALUES, copied in next()
        float[] features = new float[30 * 4];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 4; j++) {
                features[i * 4 + j] = i * 10 + j;
            }
            labels[i] = i % 2;
        }
        DataSet data = new Examples(features, 4, labels, List.of("a", "b")).toDataSet();
        ShuffledBatches batches = new ShuffledBatches(data, 8, 3, ENGINE);
        java.util.Iterator<DataSet> stream = batches.stream(0, 4L * 5);
        for (int pass = 0; pass < 5; pass++) {
            List<DataSet> expected = batches.pass(pass);
            for (int b = 0; b < 4; b++) {
                DataSet got = stream.next();
                assertThat(got.getFeatures()).as("pass %d batch %d", pass, b).isEqualTo(expected.get(b).getFeatures());
                assertThat(got.getLabels()).isEqualTo(expected.get(b).getLabels());
            }
        }
        assertThat(stream.hasNext()).isFalse();
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        assertThatThrownBy(() -> new ShuffledBatches(IDS, 0, 1, ENGINE)).isInstanceOf(DataException.class)
                .hasMessage("batch size must be an integer > 0 (got 0)");
    }

    private static List<Integer> order(ShuffledBatches batches, int pass) {
        List<Integer> ids = new ArrayList<>();
        for (DataSet batch : batches.pass(pass)) {
            for (int r = 0; r < batch.numExamples(); r++) {
                ids.add((int) batch.getFeatures().getDouble(r, 0));
            }
        }
        return ids;
    }

    private static DataSet idDataSet(int n) {
        float[] features = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            features[2 * i] = i;
            features[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return new Examples(features, 2, labels, List.of("a", "b", "c")).toDataSet();
    }

    /** A batch's rows as a view of its chunk: the same values as ND4J's general indexing, and the same memory. */
    @Test
    void rowsOfAChunkAreAViewOfItsMemory() {
        org.nd4j.linalg.api.ndarray.INDArray chunk = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 3);
        org.nd4j.linalg.api.ndarray.INDArray rows = ShuffledBatches.rows(chunk, 4, 7);
        assertThat(rows.shape()).containsExactly(3, 3);
        assertThat(rows.toFloatMatrix()).isDeepEqualTo(chunk.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 7),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).toFloatMatrix());
        assertThat(lrwb.engine.runtime.HostCopy.address(rows)).isEqualTo(lrwb.engine.runtime.HostCopy.address(chunk) + 4L * 3 * 4);
        chunk.putScalar(5, 1, 42f);
        assertThat(rows.getFloat(1, 1)).isEqualTo(42f);
    }
}
