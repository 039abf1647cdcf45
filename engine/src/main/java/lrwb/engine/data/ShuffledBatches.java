package lrwb.engine.data;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineThreads;
import lrwb.engine.runtime.HostCopy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import org.nd4j.linalg.api.memory.MemoryWorkspace;

import java.nio.FloatBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
    /** Chunks up to this many numbers are copied on the stream's thread ({@link #isSmall}). */
    static final long SMALL_CHUNK_VALUES = 1L << 15;

    private final INDArray features;
    private final INDArray labels;
    private final int numExamples;
    private final int batchSize;
    private final long seed;
    /** Changes training images as their chunk is copied (on the background thread for a stream); null for none. */
    private final Augmenter augmenter;
    /** {features, labels} chunk buffers that {@link #stream} fills in turn; made on first use. */
    private final INDArray[][] streamBuffers = new INDArray[2][];
    /** The batches (views) of each buffer's last chunk, kept for the next chunk of the same size. */
    private final DataSet[][] streamViews = new DataSet[2][];
    private int nextStreamBuffer;
    /** Copies streams' next chunks. */
    private final ExecutorService background;
    /** The copy of a stream's next chunk, under way on {@link #background}; null when none is. */
    private Future<DataSet[]> backgroundCopy;

    /**
     * @param data    features {@code [n, f]} and labels {@code [n, k]}, as {@link LoadedData} holds them
     * @param context its batch-copy pool copies a {@link #stream}'s next chunk in the background
     */
    public ShuffledBatches(DataSet data, int batchSize, long seed, EngineContext context) {
        this(data, batchSize, seed, context, null);
    }

    /**
     * Batches of training data, augmented as they are copied when {@code augmenter} is not null (built by
     * {@link #forTraining}).
     */
    ShuffledBatches(DataSet data, int batchSize, long seed, EngineContext context, Augmenter augmenter) {
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
        this.background = context.batchCopyPool();
        if (augmenter != null && features.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            throw new IllegalArgumentException("augmentation needs float features, got " + features.dataType());
        }
        this.augmenter = augmenter;
    }

    /**
     * The training batches of a run: the training split of {@code data}, augmented as {@code options} ask. Validation
     * data never goes through here, so it is never augmented.
     *
     * @throws DataException when augmentation is asked of tabular data
     */
    public static ShuffledBatches forTraining(LoadedData data, DataOptions options, int batchSize, long seed, EngineContext context) {
        Augmentation augmentation = options.augment();
        Augmenter augmenter = null;
        if (augmentation != null && !augmentation.isNone()) {
            if (!data.isImage()) {
                throw new DataException(Datasets.TABULAR_AUGMENT);
            }
            augmenter = new Augmenter(augmentation, data.imageShape(), data.channelStats(), seed);
        }
        return new ShuffledBatches(data.train(), batchSize, seed, context, augmenter);
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
        return new Pass(passIndex, order(passIndex));
    }

    /**
     * {@code count} batches: those of pass {@code firstPass} as {@link #pass} orders them, then of the passes after
     * it, for a loop that is done with each batch before it takes the next (as {@code fit} is). Batches are copied a
     * chunk at a time into two buffers of this object, used in turn, and the next chunk is copied on a background
     * thread while this one is used (gathering shuffled rows costs a twentieth of an MNIST-sized update; a small chunk
     * is copied right away instead, see {@link #isSmall}), so a
     * batch's arrays are valid until the next call of {@code next()}. No native memory is allocated after the
     * first chunks; on a big set fresh arrays for every chunk cost more in page faults and zeroing than the copy.
     * One stream at a time per object: a new stream first waits for the last one's background copy.
     */
    public Iterator<DataSet> stream(int firstPass, long count) {
        if (firstPass < 0 || count < 0) {
            throw new IllegalArgumentException("firstPass and count must be >= 0, got " + firstPass + ", " + count);
        }
        awaitBackgroundCopy();
        return new Stream(firstPass, count);
    }

    /** One chunk of consecutive batches of a pass. */
    private record Chunk(int pass, int[] order, int firstBatch, int endBatch) {
    }

    private final class Stream implements Iterator<DataSet> {
        private final long count;
        private final int batchesPerChunk = batchesPerChunk();
        private final int batchesPerPass = batchesPerPass();
        private long handedOut;
        /** The chunk after the one being handed out: its pass, order and first batch. */
        private int nextPass;
        private int[] nextOrder;
        private int nextFirstBatch;
        private DataSet[] current = new DataSet[0];
        private int currentIndex;

        Stream(int firstPass, long count) {
            this.count = count;
            this.nextPass = firstPass;
            this.nextOrder = order(firstPass);
            if (count > 0) {
                // The first batch alone, at once, into memory of its size (streamBuffer): a whole first chunk (20
                // MNIST-sized batches, 4 MB of new memory) held the first update up by 12 ms; the rest follows in the
                // background.
                current = gatherIntoNextBuffer(takeChunk(1));
                prefetch();
            }
        }

        @Override
        public boolean hasNext() {
            return handedOut < count;
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (currentIndex == current.length) {
                current = awaitBackgroundCopy();
                currentIndex = 0;
                prefetch();
            }
            handedOut++;
            return current[currentIndex++];
        }

        /** Starts copying the chunk after the current one, if this stream will hand any of it out. */
        private void prefetch() {
            long remaining = count - handedOut - (current.length - currentIndex);
            if (remaining > 0) {
                Chunk chunk = takeChunk(batchesPerChunk);
                backgroundCopy = isSmall(chunk) ? CompletableFuture.completedFuture(gatherIntoNextBuffer(chunk))
                        : background.submit(() -> gatherIntoNextBuffer(chunk));
            }
        }

        private Chunk takeChunk(int batches) {
            int end = Math.min(batchesPerPass, nextFirstBatch + batches);
            Chunk chunk = new Chunk(nextPass, nextOrder, nextFirstBatch, end);
            nextFirstBatch = end;
            if (end == batchesPerPass) {
                nextPass++;
                nextOrder = order(nextPass);
                nextFirstBatch = 0;
            }
            return chunk;
        }
    }

    /**
     * A chunk copied at once on the stream's own thread: handing it to the background thread and back (a queue, a
     * wake-up, a future) costs more than copying {@link #SMALL_CHUNK_VALUES} numbers, which iris's whole pass is far
     * below.
     */
    private boolean isSmall(Chunk chunk) {
        long rows = Math.min(numExamples, (long) chunk.endBatch() * batchSize) - (long) chunk.firstBatch() * batchSize;
        return rows * (features.size(1) + labels.size(1)) <= SMALL_CHUNK_VALUES;
    }

    private int[] order(int pass) {
        return SeededRandom.permutation(numExamples, SeededRandom.stream(seed, pass));
    }

    private DataSet[] gatherIntoNextBuffer(Chunk chunk) {
        DataSet[] out = new DataSet[chunk.endBatch() - chunk.firstBatch()];
        copyChunkIntoStreamBuffer(chunk.pass(), chunk.order(), chunk.firstBatch(), chunk.endBatch(), out);
        return out;
    }

    /** The chunk the background copy made; nothing (and no wait) if none is under way. */
    private DataSet[] awaitBackgroundCopy() {
        if (backgroundCopy == null) {
            return new DataSet[0];
        }
        try {
            return EngineThreads.await(backgroundCopy);
        } finally {
            backgroundCopy = null; // the copy is over, done or failed, once await returns or throws
        }
    }

    private int batchesPerChunk() {
        return (int) Math.max(1, CHUNK_VALUES / ((long) batchSize * (features.size(1) + labels.size(1))));
    }

    /**
     * Like {@link #copyChunk} into the next stream buffer; a chunk of the same size as the buffer's last one gets
     * the same batch views back (views cost a native allocation each, a tenth of a tiny update).
     */
    private void copyChunkIntoStreamBuffer(int pass, int[] order, int firstBatch, int endBatch, DataSet[] out) {
        int slot = nextStreamBuffer;
        nextStreamBuffer = 1 - slot;
        int count = endBatch - firstBatch;
        long rows = Math.min(numExamples, (long) endBatch * batchSize) - (long) firstBatch * batchSize;
        INDArray[] buffers = streamBuffer(slot, rows);
        DataSet[] views = streamViews[slot];
        if (views != null && views.length == count && rowsOf(views) == rows) {
            gather(pass, order, firstBatch, endBatch, rows(buffers[0], rows), rows(buffers[1], rows));
            System.arraycopy(views, 0, out, 0, count);
            return;
        }
        copyChunk(pass, order, firstBatch, endBatch, out, buffers);
        streamViews[slot] = Arrays.copyOf(out, count);
    }

    private static long rowsOf(DataSet[] views) {
        long rows = 0;
        for (DataSet d : views) {
            rows += d.getFeatures().size(0);
        }
        return rows;
    }

    private void gather(int pass, int[] order, int firstBatch, int endBatch, INDArray intoFeatures, INDArray intoLabels) {
        int from = firstBatch * batchSize;
        int to = Math.min(numExamples, endBatch * batchSize);
        if (!HostCopy.copyRows(features, order, from, to - from, intoFeatures)
                || !HostCopy.copyRows(labels, order, from, to - from, intoLabels)) {
            int[] rows = new int[to - from];
            System.arraycopy(order, from, rows, 0, rows.length);
            Nd4j.pullRows(features, intoFeatures, 1, rows);
            Nd4j.pullRows(labels, intoLabels, 1, rows);
        }
        augment(intoFeatures, pass, from);
    }

    /** Augments the gathered rows in place; the first is the example at {@code firstPosition} of the pass. */
    private void augment(INDArray chunkFeatures, int pass, long firstPosition) {
        if (augmenter == null) {
            return;
        }
        long rowCount = chunkFeatures.size(0);
        float[] values = new float[Math.toIntExact(chunkFeatures.length())];
        FloatBuffer buffer = chunkFeatures.data().asNioFloat();
        buffer.position(Math.toIntExact(chunkFeatures.offset()));
        buffer.get(values);
        augmenter.apply(values, (int) rowCount, pass, firstPosition);
        buffer.position(Math.toIntExact(chunkFeatures.offset()));
        buffer.put(values);
    }

    /**
     * Buffer {@code slot}, holding at least {@code rows} rows: made (or made again, once) at the size first needed, so a
     * stream's one-batch first chunk does not wait for a whole chunk's memory (ND4J touches every page of a new array:
     * 11.5 ms for a 4 MB chunk of MNIST-sized rows on this machine's VM); the full size is then made by the background
     * copy.
     */
    private INDArray[] streamBuffer(int slot, long rows) {
        if (streamBuffers[slot] == null || streamBuffers[slot][0].size(0) < rows) {
            streamViews[slot] = null; // views of the memory replaced
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                // Uninitialised: every row is written by a gather before anyone reads it.
                streamBuffers[slot] = new INDArray[] {Nd4j.createUninitialized(features.dataType(), rows, features.size(1)),
                        Nd4j.createUninitialized(labels.dataType(), rows, labels.size(1))};
            }
        }
        return streamBuffers[slot];
    }

    /**
     * Copies batches {@code [firstBatch, endBatch)} of a pass, in one gather per array, into {@code into}
     * (fresh arrays when null); {@code out[i]} gets batch {@code firstBatch + i} as views of the copy.
     */
    private void copyChunk(int pass, int[] order, int firstBatch, int endBatch, DataSet[] out, INDArray[] into) {
        int from = firstBatch * batchSize;
        int to = Math.min(numExamples, endBatch * batchSize);
        INDArray chunkFeatures;
        INDArray chunkLabels;
        if (into == null) {
            int[] rows = new int[to - from];
            System.arraycopy(order, from, rows, 0, rows.length);
            chunkFeatures = Nd4j.pullRows(features, 1, rows);
            chunkLabels = Nd4j.pullRows(labels, 1, rows);
            augment(chunkFeatures, pass, from);
        } else {
            chunkFeatures = rows(into[0], to - from);
            chunkLabels = rows(into[1], to - from);
            gather(pass, order, firstBatch, endBatch, chunkFeatures, chunkLabels);
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

    /**
     * Rows {@code [from, to)} of a chunk (c-ordered, made here) as a view made directly: ND4J's general
     * {@code get(interval, all)} is one large method, which a sweep's cells, each with its own batches, kept sending
     * back to the JIT (four C2 compilations of it, 0.8 s, in the second half of a 16-round sweep benchmark).
     */
    static INDArray rows(INDArray matrix, long from, long to) {
        long columns = matrix.size(1);
        if (matrix.ordering() != 'c' || matrix.rank() != 2 || matrix.offset() != 0 || matrix.stride(1) != 1
                || matrix.stride(0) != columns || matrix.isView()) {
            return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }
        return Nd4j.create(matrix.data(), new long[] {to - from, columns}, new long[] {columns, 1}, from * columns, 'c');
    }

    private final class Pass extends AbstractList<DataSet> implements RandomAccess {
        private final int passIndex;
        private final int[] order;
        private final DataSet[] batches = new DataSet[batchesPerPass()];
        private final int batchesPerChunk = batchesPerChunk();

        Pass(int passIndex, int[] order) {
            this.passIndex = passIndex;
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
            copyChunk(passIndex, order, firstBatch, endBatch, chunk, null);
            System.arraycopy(chunk, 0, batches, firstBatch, chunk.length);
        }
    }
}
