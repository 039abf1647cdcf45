package lrwb.engine.sweep;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunService;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineThreads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local runner: {@code parallel} cells at a time in this process (one at a time in the order of their indexes,
 * several the longest first, {@link #longestFirst}), each a training run of the run service written in place at
 * DIR/cells/NNNN. Each run trains on its own job thread with one native
 * thread ({@code NativeSettings}), so N cells keep N cores busy and no more.
 */
public final class LocalCells implements CellBackend {
    private final int parallel;
    private final RunService service;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<RunHandle> live = ConcurrentHashMap.newKeySet();

    /**
     * @param parallel cells at a time, at least 1
     * @param context  the pools the runs use (it stays the caller's to close)
     */
    public LocalCells(int parallel, EngineContext context) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be an integer >= 1 (got " + parallel + ")");
        }
        this.parallel = parallel;
        this.service = new RunService(context);
    }

    /** The default of --parallel: one cell per core. */
    public static int defaultParallel() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int parallel() {
        return parallel;
    }

    @Override
    public void run(SweepGrid grid, List<SweepCell> cells, CellSink sink) throws Exception {
        List<SweepCell> pending = parallel > 1 ? longestFirst(cells) : cells;
        Path sweepDir = sink.sweepDir();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(parallel, pending.size()); w++) {
            workers.add(EngineThreads.start("sweep-cells-" + w, () -> {
                int i;
                while (!cancelled.get() && failure.get() == null && (i = next.getAndIncrement()) < pending.size()) {
                    SweepCell cell = pending.get(i);
                    try {
                        sink.started(cell);
                        SweepRow row = CellRun.runInto(cell, SweepRunner.cellFolder(sweepDir, cell), grid.stopDiverged(),
                                service, sweepDir, handle -> {
                                    live.add(handle);
                                    if (cancelled.get()) {
                                        handle.cancel(); // cancelled while this cell's data was loading
                                    }
                                });
                        sink.finishedInPlace(row);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        live.removeIf(h -> h.ended().isDone());
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * The cells, those expected to train longest first (more epochs, then an optimizer with more state to update per
     * parameter), in index order otherwise: the last cells of a sweep then are short ones, and the cores run out of
     * work nearly together. In index order a grid alternating sgd and adam gave one of two workers every adam cell,
     * and the sweep waited for it alone about half a cell (0.5–0.7 s of a 6.7 s benchmark sweep). How long a cell
     * trains is not known before; the data, model and batch are the same for most grids' cells.
     */
    static List<SweepCell> longestFirst(List<SweepCell> cells) {
        return cells.stream().sorted(Comparator.comparingDouble(LocalCells::expectedWork).reversed()
                .thenComparingInt(SweepCell::index)).toList();
    }

    /** Epochs, weighted by the optimizer's state arrays (each another pass over the parameters per update). */
    private static double expectedWork(SweepCell cell) {
        OptimizerSpec optimizer = cell.request().optimizer();
        int states = switch (optimizer.kind()) {
            case SGD -> 0;
            case SGDW -> optimizer.momentum() > 0 ? 1 : 0;
            case MOMENTUM, NESTEROV, ADAGRAD, RMSPROP -> 1;
            case ADAM, ADAMW, ADAMAX, NADAM, ADADELTA -> 2;
            case AMSGRAD -> 3;
        };
        return cell.request().epochs() * (1 + 0.1 * states);
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        live.forEach(RunHandle::cancel);
    }

    @Override
    public void close() {
        service.close();
    }
}
