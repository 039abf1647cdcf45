package lrwb.app.form;

import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * How many training examples the data a form names has, read once per dataset and split on the executor (never on
 * the FX thread) and remembered: the form needs it before a run to say how many updates an epoch has, and whether
 * a batch is larger than the whole training set. Data that cannot be read has no size; the run says why.
 */
public final class TrainingSetSize {
    private final TaskExecutor executor;
    /** FX thread only. */
    private final Map<DataOptions, CompletableFuture<OptionalInt>> known = new HashMap<>();

    public TrainingSetSize(TaskExecutor executor) {
        this.executor = executor;
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
        // the seed only orders the rows: one reading per source and split
        DataOptions key = new DataOptions(data.source(), data.labelColumn(), data.header(), data.valSplit(), data.limit(),
                DataOptions.DEFAULT_SEED);
        return sizeOf(key);
    }

    private CompletableFuture<OptionalInt> sizeOf(DataOptions data) {
        // one reading per data, also while it is under way (the form's checks ask at the same moment)
        CompletableFuture<OptionalInt> size = known.get(data);
        if (size == null) {
            CompletableFuture<OptionalInt> reading = engineReady.toCompletableFuture()
                    .thenCompose(engine -> executor.supply(() -> Datasets.load(data).trainSize()))
                    .handle((n, error) -> n == null ? OptionalInt.empty() : OptionalInt.of(n));
            known.put(data, reading);
            reading.thenAccept(n -> {
                if (n.isEmpty()) {
                    known.remove(data, reading); // unreadable now (a file still being written?): asked again next time
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
