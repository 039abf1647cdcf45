package lrwb.engine.train;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineThreads;
import lrwb.engine.model.Network;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Evaluates a training job's network on the validation split at the end of every epoch. When the evaluation is
 * worth a core (a network only DL4J runs fast, see {@link Evaluation}), nothing waits for its result (no
 * plateau schedule reads it) and the context's tuning allows it ({@link lrwb.engine.runtime.EngineTuning#overlapValidation},
 * on by default with a second core), it runs on the context's validation pool, on a copy of the epoch's final parameters, while
 * the next epoch trains: its row follows a few updates later instead of holding the training up. Otherwise, and
 * for the last epoch (nothing left to overlap), it runs at once on the job's thread. Rows come out in epoch order
 * either way; one evaluation at a time.
 */
final class EpochEvaluator implements AutoCloseable {
    private final Network net;
    private final DataSet validation;
    private final boolean overlapped;
    private final ExecutorService pool;
    /** The validation split copied to Java once, when the network is evaluated in Java (on the job's thread). */
    private final Evaluation.JavaRows javaValidation;

    private Network copy;
    private Future<EpochMetrics> pending;

    /**
     * @param mayOverlap false when the job needs each epoch's figures before the next epoch starts
     * @param context    its tuning says whether to overlap at all; its validation pool runs the overlapped evaluations
     */
    EpochEvaluator(Network net, DataSet validation, boolean mayOverlap, EngineContext context) {
        this.net = net;
        this.validation = validation;
        this.pool = context.validationPool();
        boolean inJava = Evaluation.runsInJava(net, validation);
        this.overlapped = mayOverlap && context.tuning().overlapValidation() && validation.numExamples() > 0 && !inJava;
        this.javaValidation = inJava ? Evaluation.JavaRows.of(validation) : null;
    }

    boolean overlapped() {
        return overlapped;
    }

    /**
     * An epoch's training has ended.
     *
     * @param row  the epoch's row without validation figures, {@code seconds} its training time
     * @param last whether it is the job's last epoch
     * @return the rows ready now, in order: an earlier epoch's still under way (waited for), and this one's unless
     * it is being evaluated in the background
     */
    List<EpochMetrics> epochEnded(EpochMetrics row, boolean last) {
        List<EpochMetrics> ready = new ArrayList<>(2);
        awaitPending().ifPresent(ready::add); // its parameters copy is about to be overwritten
        if (!overlapped || last) {
            ready.add(evaluate(net, row));
            return ready;
        }
        if (copy == null) {
            // The layers and their parameters only: an inference copy needs no updater state.
            copy = net.inferenceCopy();
        } else {
            copy.params().assign(net.params());
        }
        Network evaluated = copy;
        pending = pool.submit(() -> evaluate(evaluated, row));
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
        try {
            return Optional.of(EngineThreads.await(pending));
        } finally {
            pending = null; // the evaluation is over, done or failed, once await returns or throws
        }
    }

    private EpochMetrics evaluate(Network network, EpochMetrics row) {
        long start = System.nanoTime();
        Evaluation val = javaValidation != null ? Evaluation.of(network, javaValidation) : Evaluation.of(network, validation);
        // Whole nanoseconds, so the sum prints as the time it is (0.021584245, not 0.021584245000000002).
        long nanos = Math.round(row.seconds() * 1e9) + System.nanoTime() - start;
        return new EpochMetrics(row.epoch(), row.lr(), row.trainLoss(), row.trainAccuracy(), val.loss(), val.accuracy(),
                nanos / 1e9);
    }

    /** Lets go of the network copy; an evaluation still under way is abandoned. */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(false);
        }
        copy = null;
        pending = null;
    }
}
