package lrwb.app.form;

import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.DataCache;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * How many training examples the data a form names has, read once per dataset and split on the executor (never on
 * the FX thread) and remembered: the form needs it before a run to say how many updates an epoch has, and whether
 * a batch is larger than the whole training set. Data that cannot be read has no size; the run says why. The data
 * is read through the run service's cache with the form's own options, so the run started next finds it read.
 */
public final class TrainingSetSize {
    private final TaskExecutor executor;
    private final DataCache cache;
    /** FX thread only. */
    private final Map<DataOptions, CompletableFuture<OptionalInt>> known = new HashMap<>();

    /** @param cache where the data is read: the one the runs read from */
    public TrainingSetSize(TaskExecutor executor, DataCache cache) {
        this.executor = executor;
        this.cache = cache;
    }

    private long batchCheck;
    /** Data is read once the engine has started: reading it loads ND4J, which must not compete with the window's start. */
    private java.util.concurrent.CompletionStage<?> engineReady = CompletableFuture.completedFuture(null);

    /** Holds every reading until {@code ready} completes (the engine's start-up); without it, reads at once (tests). */
    public void waitFor(java.util.concurrent.CompletionStage<?> ready) {
        this.engineReady = ready;
    }

    /**
     * Marks the form's batch field whenever the batch is larger than the training set, as the dataset, split and
     * batch fields change (after the field's own listener, which clears its message on typing).
     */
    public void watchBatch(RunSetupForm form) {
        for (var field : java.util.List.of(form.dataset(), form.valSplit(), form.batch())) {
            field.textProperty().addListener((o, was, now) -> checkBatch(form));
        }
    }

    private void checkBatch(RunSetupForm form) {
        long generation = ++batchCheck;
        DataOptions data;
        long batch;
        try {
            data = form.dataOptions();
            batch = Long.parseLong(form.batch().text());
        } catch (RuntimeException e) {
            return; // the field says what is wrong when the form is read
        }
        of(data).thenAccept(size -> {
            String why = size.isPresent() && generation == batchCheck ? batchTooLarge(batch, size.getAsInt(), data.source()) : null;
            if (why != null) {
                form.batch().setError(why);
            }
        });
    }

    /** The size, at once when known; completes on the FX thread, empty when the data cannot be read. */
    public CompletableFuture<OptionalInt> of(DataOptions data) {
        // the seed only orders the rows, normalisation and augmentation change values: one size per source and split
        DataOptions key = new DataOptions(data.source(), data.labelColumn(), data.header(), data.valSplit(), data.limit(),
                DataOptions.DEFAULT_SEED);
        // one reading per data, also while it is under way (the form's checks ask at the same moment)
        CompletableFuture<OptionalInt> size = known.get(key);
        if (size == null) {
            // read with the form's options, seed and all: what a run of this form reads (from the cache) next
            CompletableFuture<OptionalInt> reading = engineReady.toCompletableFuture()
                    .thenCompose(engine -> executor.supply(() -> cache.load(data).trainSize()))
                    .handle((n, error) -> n == null ? OptionalInt.empty() : OptionalInt.of(n));
            known.put(key, reading);
            reading.thenAccept(n -> {
                if (n.isEmpty()) {
                    known.remove(key, reading); // unreadable now (a file still being written?): asked again next time
                }
            });
            size = reading;
        }
        return size;
    }

    /** The batch-size rule that needs the data: one line for the field, or null when the batch fits. */
    public static String batchTooLarge(long batch, int trainSize, String dataset) {
        return batch > trainSize ? "batch size must be at most the " + trainSize + " training examples of " + dataset
                + " (got " + batch + ")" : null;
    }
}
