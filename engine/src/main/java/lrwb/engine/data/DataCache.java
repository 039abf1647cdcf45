package lrwb.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Datasets loaded before, handed to the next asker of the same {@link DataOptions} instead of being read again: a
 * form reads its data to learn the training set's size, the preview reads it to show images, the layer editor to
 * learn its shape and the run to train on it, and Fashion-MNIST takes seconds each time. Loads of one options that
 * overlap become one load. The augmentation is no part of what is loaded, and a standardised set is computed from
 * a copy of the pixels read for the form's other askers. A source's files are looked at again on every ask ({@link SourceStamp}), so a file that
 * changed since is read anew; a load that fails is not kept (the next ask tries again).
 *
 * <p>Memory is bounded: the sets kept hold at most {@link #budgetBytes()} of feature and label values between them,
 * the least recently asked for going first; a set larger than the budget is handed out but not kept. What this hands
 * out is shared and must not be changed: every reader in the engine (batches, validation, previews) copies what it
 * alters. Thread-safe.
 */
public final class DataCache {
    private final long budgetBytes;
    /** Access order: the first entry is the least recently asked for. */
    private final LinkedHashMap<DataOptions, Kept> kept = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<DataOptions, CompletableFuture<LoadedData>> underWay = new HashMap<>();
    private long keptBytes;
    private long loads;

    private record Kept(LoadedData data, long stamp, long bytes) {
    }

    /** @param budgetBytes how many bytes of loaded values to keep at most; 0 keeps nothing (loads still merge) */
    public DataCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes must be >= 0, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * A quarter of the memory Java may use: CIFAR-10's 60,000 images (740 MB of floats) stay under it with the
     * default heap of a machine with 16 GB or more, and the rest is left to the networks and to a second data set.
     */
    public static DataCache withDefaultBudget() {
        return new DataCache(Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * The data these options name, from memory when it was loaded before from the same files, else loaded now
     * ({@link Datasets#load}) and kept when it fits the budget.
     *
     * @throws DataException (or the engine's other refusals) as {@link Datasets#load} does, to every asker
     */
    public LoadedData load(DataOptions options) {
        long stamp = SourceStamp.of(options.source());
        // augmentation changes batches, never what is loaded; a form's preview reads pixels / 255 and its run may
        // standardise them: both come from one reading, the standardised set from a copy of it
        DataOptions read = options.withNormalize(null).withAugment(null);
        if (read.equals(options)) {
            return cached(read, stamp, () -> Datasets.load(read));
        }
        Datasets.checkImageOptions(options);
        LoadedData pixels = Datasets.requireImages(cached(read, stamp, () -> Datasets.load(read)), options);
        if (options.imageNormalization() != ImageNormalization.STANDARD) {
            return pixels;
        }
        return cached(options.withAugment(null), stamp, () -> Datasets.normalized(copyOf(pixels), options));
    }

    private static LoadedData copyOf(LoadedData data) {
        return new LoadedData(data.name(), data.train().copy(), data.validation().copy(), data.numFeatures(),
                data.numClasses(), data.classNames(), data.imageShape(), data.channelStats());
    }

    private LoadedData cached(DataOptions options, long stamp, Supplier<LoadedData> loader) {
        CompletableFuture<LoadedData> loading;
        CompletableFuture<LoadedData> other;
        synchronized (this) {
            Kept k = kept.get(options);
            if (k != null && k.stamp == stamp) {
                return k.data;
            }
            if (k != null) {
                forget(options);
            }
            other = underWay.get(options);
            loading = other != null ? other : new CompletableFuture<>();
            if (other == null) {
                underWay.put(options, loading);
                loads++;
            }
        }
        if (other != null) {
            return awaitOther(other); // outside the lock: the loader needs it to keep what it read
        }
        try {
            LoadedData data = loader.get();
            keep(options, data, stamp);
            loading.complete(data);
            return data;
        } catch (RuntimeException | Error e) {
            loading.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                underWay.remove(options, loading);
            }
        }
    }

    private static LoadedData awaitOther(CompletableFuture<LoadedData> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private synchronized void keep(DataOptions options, LoadedData data, long stamp) {
        long bytes = bytesOf(data);
        if (bytes > budgetBytes) {
            return;
        }
        Iterator<Map.Entry<DataOptions, Kept>> oldest = kept.entrySet().iterator();
        while (keptBytes + bytes > budgetBytes && oldest.hasNext()) {
            keptBytes -= oldest.next().getValue().bytes;
            oldest.remove();
        }
        Kept before = kept.put(options, new Kept(data, stamp, bytes));
        keptBytes += bytes - (before == null ? 0 : before.bytes);
    }

    private void forget(DataOptions options) {
        Kept gone = kept.remove(options);
        if (gone != null) {
            keptBytes -= gone.bytes;
        }
    }

    /** The bytes of the feature and label values a load holds (training and validation). */
    static long bytesOf(LoadedData data) {
        return bytesOf(data.train().getFeatures()) + bytesOf(data.train().getLabels())
                + bytesOf(data.validation().getFeatures()) + bytesOf(data.validation().getLabels());
    }

    private static long bytesOf(INDArray values) {
        return values == null ? 0 : values.length() * values.dataType().width();
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** The bytes of the sets kept now. */
    public synchronized long keptBytes() {
        return keptBytes;
    }

    /** How many sets were made (read, or standardised from a copy) rather than handed out from memory, since this cache was made. */
    public synchronized long loads() {
        return loads;
    }
}
