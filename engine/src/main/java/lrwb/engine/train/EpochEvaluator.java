package lrwb.engine.train;

import lrwb.engine.runtime.NativeSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a training job's network on the validation split at the end of every epoch. When the evaluation is
 * worth a core (a network only DL4J runs fast, see {@link Evaluation}) and nothing waits for its result (no
 * plateau schedule reads it), it runs on a thread of its own, on a copy of the epoch's final parameters, while
 * the next epoch trains: its row follows a few updates later instead of holding the training up. Otherwise it
 * runs at once, on the job's thread. Rows come out in epoch order either way; one evaluation at a time.
 */
final class EpochEvaluator implements AutoCloseable {
    private final MultiLayerNetwork net;
    private final DataSet validation;
    private final boolean overlapped;
    private MultiLayerNetwork copy;
    private ExecutorService thread;
    private Future<EpochMetrics> pending;

    /** @param mayOverlap false when the job needs each epoch's figures before the next epoch starts */
    EpochEvaluator(MultiLayerNetwork net, DataSet validation, boolean mayOverlap) {
        this.net = net;
        this.validation = validation;
        this.overlapped = mayOverlap && validation.numExamples() > 0 && !Evaluation.runsInJava(net, validation)
                && Runtime.getRuntime().availableProcessors() > 1;
    }

    boolean overlapped() {
        return overlapped;
    }

    /**
     * An epoch's training has ended.
     *
     * @param row the epoch's row without validation figures, {@code seconds} its training time
     * @return the rows ready now, in order: an earlier epoch's still under way (waited for), and this one's unless
     * it is being evaluated in the background
     */
    List<EpochMetrics> epochEnded(EpochMetrics row) {
        List<EpochMetrics> ready = new ArrayList<>(2);
        awaitPending().ifPresent(ready::add); // its parameters copy is about to be overwritten
        if (!overlapped) {
            ready.add(evaluate(net, row));
            return ready;
        }
        if (copy == null) {
            copy = net.clone();
            thread = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, Thread.currentThread().getName() + "-validation");
                t.setDaemon(true);
                return t;
            });
        }
        copy.params().assign(net.params());
        pending = thread.submit(() -> {
            NativeSettings.applyToCurrentThread();
            return evaluate(copy, row);
        });
        return ready;
    }

    /** The row evaluated in the background, if it is ready. */
    Optional<EpochMetrics> poll() {
        return pending != null && pending.isDone() ? awaitPending() : Optional.empty();
    }

    /** The row being evaluated in the background, once it is ready; empty if none is. */
    Optional<EpochMetrics> awaitPending() {
        if (pending == null) {
            return Optional.empty();
        }
        Future<EpochMetrics> p = pending;
        pending = null;
        try {
            return Optional.of(p.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private EpochMetrics evaluate(MultiLayerNetwork network, EpochMetrics row) {
        long start = System.nanoTime();
        Evaluation val = Evaluation.of(network, validation);
        return new EpochMetrics(row.epoch(), row.lr(), row.trainLoss(), row.trainAccuracy(), val.loss(), val.accuracy(),
                row.seconds() + (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
