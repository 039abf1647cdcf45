package lrwb.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import org.nd4j.linalg.api.memory.MemoryWorkspace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * Minibatches of a dataset, reshuffled for every pass (epoch). The order of pass {@code p} depends only on
 * {@code (seed, p)}, so a run resumed at pass 7, a range test and a training run all see the same batches
 * for the same seed, without replaying passes 0 to 6. Every example appears exactly once per pass;
 * the last batch holds the remainder and may be smaller.
 */
public final class ShuffledBatches {
    /**
     * About how many numbers (features and labels) one gathering copy moves: batches are copied out of the data
     * a chunk of consecutive batches at a time, with one native operation per chunk instead of per batch (for
     * small networks each operation costs more than the copy), and a run that stops early (a range test on a
     * large set) copies little more than the batches it used.
     */
    static final long CHUNK_VALUES = 1L << 20;

    private final INDArray features;
    private final INDArray labels;
    private final int numExamples;
    private final int batchSize;
    private final long seed;
    /** {features, labels} chunk buffers that {@link #stream} fills in turn; made on first use. */
    private final INDArray[][] streamBuffers = new INDArray[2][];
    /** The batches (views) of each buffer's last chunk, kept for the next chunk of the same size. */
    private final DataSet[][] streamViews = new DataSet[2][];
    private int nextStreamBuffer;

    /** @param data features {@code [n, f]} and labels {@code [n, k]}, as {@link LoadedData} holds them */
    public ShuffledBatches(DataSet data, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new DataException("batch size must be an integer > 0 (got " + batchSize + ")");
        }
        if (data.getFeatures().rank() != 2 || data.getLabels().rank() != 2) {
            throw new IllegalArgumentException("features and labels must be 2-D [examples, values], got "
                    + data.getFeatures().shapeInfoToString() + " and " + data.getLabels().shapeInfoToString());
        }
        this.features = data.getFeatures();
        this.labels = data.getLabels();
        this.numExamples = data.numExamples();
        if (numExamples == 0) {
            throw new DataException("there are no examples to train on");
        }
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int batchSize() {
        return batchSize;
    }

    public int numExamples() {
        return numExamples;
    }

    /** {@code ceil(n / batchSize)}. */
    public int batchesPerPass() {
        return (numExamples + batchSize - 1) / batchSize;
    }

    /**
     * The batches of pass {@code passIndex} (0-based), copies of the data made as the list is read: batch
     * {@code i} is a view of the chunk of consecutive batches it was copied with. The list is for one thread.
     */
    public List<DataSet> pass(int passIndex) {
        if (passIndex < 0) {
            throw new IllegalArgumentException("passIndex must be >= 0, got " + passIndex);
        }
        return new Pass(SeededRandom.permutation(numExamples, SeededRandom.stream(seed, passIndex)));
    }

    /**
     * The batches of pass {@code passIndex}, as {@link #pass} orders them, for a loop that is done with each batch
     * before it takes the next (as {@code fit} is): they are copied into two chunk buffers of this object, used in
     * turn, so a batch's arrays are overwritten once the iterator is two chunks further. No native memory is
     * allocated after the first chunks; on a big set fresh arrays for every chunk cost more in page faults and
     * zeroing than the copy itself (a tenth of an MNIST-sized update). One stream at a time per object.
     */
    public Iterator<DataSet> stream(int passIndex) {
        if (passIndex < 0) {
            throw new IllegalArgumentException("passIndex must be >= 0, got " + passIndex);
        }
        int[] order = SeededRandom.permutation(numExamples, SeededRandom.stream(seed, passIndex));
        int batchesPerChunk = batchesPerChunk();
        int batches = batchesPerPass();
        return new Iterator<>() {
            private final DataSet[] chunk = new DataSet[batchesPerChunk];
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (next % batchesPerChunk == 0) {
                    copyChunkIntoStreamBuffer(order, next, Math.min(batches, next + batchesPerChunk), chunk);
                }
                return chunk[next++ % batchesPerChunk];
            }
        };
    }

    private int batchesPerChunk() {
        return (int) Math.max(1, CHUNK_VALUES / ((long) batchSize * (features.size(1) + labels.size(1))));
    }

    /**
     * Like {@link #copyChunk} into the next stream buffer; a chunk of the same size as the buffer's last one gets
     * the same batch views back (views cost a native allocation each, a tenth of a tiny update).
     */
    private void copyChunkIntoStreamBuffer(int[] order, int firstBatch, int endBatch, DataSet[] out) {
        int slot = nextStreamBuffer;
        nextStreamBuffer = 1 - slot;
        INDArray[] buffers = streamBuffer(slot);
        DataSet[] views = streamViews[slot];
        int count = endBatch - firstBatch;
        long rows = Math.min(numExamples, (long) endBatch * batchSize) - (long) firstBatch * batchSize;
        if (views != null && views.length == count && rowsOf(views) == rows) {
            gather(order, firstBatch, endBatch, rows(buffers[0], rows), rows(buffers[1], rows));
            System.arraycopy(views, 0, out, 0, count);
            return;
        }
        copyChunk(order, firstBatch, endBatch, out, buffers);
        streamViews[slot] = Arrays.copyOf(out, count);
    }

    private static long rowsOf(DataSet[] views) {
        long rows = 0;
        for (DataSet d : views) {
            rows += d.getFeatures().size(0);
        }
        return rows;
    }

    private void gather(int[] order, int firstBatch, int endBatch, INDArray intoFeatures, INDArray intoLabels) {
        int from = firstBatch * batchSize;
        int to = Math.min(numExamples, endBatch * batchSize);
        int[] rows = new int[to - from];
        System.arraycopy(order, from, rows, 0, rows.length);
        Nd4j.pullRows(features, intoFeatures, 1, rows);
        Nd4j.pullRows(labels, intoLabels, 1, rows);
    }

    private INDArray[] streamBuffer(int slot) {
        if (streamBuffers[slot] == null) {
            long rows = Math.min(numExamples, (long) batchesPerChunk() * batchSize);
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                streamBuffers[slot] = new INDArray[] {Nd4j.create(features.dataType(), rows, features.size(1)),
                        Nd4j.create(labels.dataType(), rows, labels.size(1))};
            }
        }
        return streamBuffers[slot];
    }

    /**
     * Copies batches {@code [firstBatch, endBatch)} of a pass, in one gather per array, into {@code into}
     * (fresh arrays when null); {@code out[i]} gets batch {@code firstBatch + i} as views of the copy.
     */
    private void copyChunk(int[] order, int firstBatch, int endBatch, DataSet[] out, INDArray[] into) {
        int from = firstBatch * batchSize;
        int to = Math.min(numExamples, endBatch * batchSize);
        INDArray chunkFeatures;
        INDArray chunkLabels;
        if (into == null) {
            int[] rows = new int[to - from];
            System.arraycopy(order, from, rows, 0, rows.length);
            chunkFeatures = Nd4j.pullRows(features, 1, rows);
            chunkLabels = Nd4j.pullRows(labels, 1, rows);
        } else {
            chunkFeatures = rows(into[0], to - from);
            chunkLabels = rows(into[1], to - from);
            gather(order, firstBatch, endBatch, chunkFeatures, chunkLabels);
        }
        for (int b = firstBatch; b < endBatch; b++) {
            long start = (long) (b - firstBatch) * batchSize;
            long end = Math.min(to - from, start + batchSize);
            out[b - firstBatch] = new DataSet(rows(chunkFeatures, start, end), rows(chunkLabels, start, end));
        }
    }

    private static INDArray rows(INDArray matrix, long count) {
        return count == matrix.size(0) ? matrix : rows(matrix, 0, count);
    }

    private static INDArray rows(INDArray matrix, long from, long to) {
        return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private final class Pass extends AbstractList<DataSet> implements RandomAccess {
        private final int[] order;
        private final DataSet[] batches = new DataSet[batchesPerPass()];
        private final int batchesPerChunk = batchesPerChunk();

        Pass(int[] order) {
            this.order = order;
        }

        @Override
        public int size() {
            return batches.length;
        }

        @Override
        public DataSet get(int index) {
            if (batches[index] == null) {
                copyChunkOf(index);
            }
            return batches[index];
        }

        private void copyChunkOf(int index) {
            int firstBatch = index / batchesPerChunk * batchesPerChunk;
            int endBatch = Math.min(batches.length, firstBatch + batchesPerChunk);
            DataSet[] chunk = new DataSet[endBatch - firstBatch];
            copyChunk(order, firstBatch, endBatch, chunk, null);
            System.arraycopy(chunk, 0, batches, firstBatch, chunk.length);
        }
    }
}
