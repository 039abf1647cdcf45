package lrwb.engine.cli;

import lrwb.engine.run.RunRefusedException;
import lrwb.engine.schedule.NumberText;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.CellBackendProvider;
import lrwb.engine.sweep.InvalidGridException;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepHandle;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRecord;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code lrwb sweep}: train one run per cell of a grid (specs/sweeps.md) and summarise them. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one run per cell of a grid (specs/sweeps.md): LRs, schedules,",
                "optimizers, models, batch sizes, seeds, epochs, datasets. Writes DIR/sweep.json",
                "(the grid and its cells), DIR/cells/NNNN/ (each cell's run folder) and",
                "DIR/summary.csv (a row per finished cell, appended as cells finish); prints",
                "the best LR per group of cells. The same command on the same DIR resumes:",
                "finished cells are skipped. Ctrl-C or SIGTERM stops the running cells",
                "cleanly (exit 130)."})
final class SweepCommand implements Callable<Integer> {
    static final String NO_SPARK = "--master: the Spark runner is not on the class path: run the lrwb-spark jar (see README \"Sweeps on Spark\")";

    @Spec
    CommandSpec command;

    @ParentCommand
    Lrwb parent;

    @Option(names = "--grid", required = true, paramLabel = "FILE|JSON", description = "The grid (specs/sweeps.md), a file or inline JSON.")
    String grid;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The sweep folder: new, empty, or this grid's earlier sweep (resumed).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "Cells at a time, one core each (default: the number of cores, here ${sys:lrwb.cores}).")
    Integer parallel;

    @Option(names = "--master", paramLabel = "local[N]|spark://HOST:PORT",
            description = "Run the cells on Apache Spark (needs the lrwb-spark jar; see README \"Sweeps on Spark\").")
    String master;

    static {
        System.setProperty("lrwb.cores", Integer.toString(LocalCells.defaultParallel()));
    }

    @Override
    public Integer call() throws IOException {
        int cellsAtOnce = parallel == null ? LocalCells.defaultParallel() : parallel;
        if (cellsAtOnce < 1) {
            throw new BadInputException("--parallel must be an integer >= 1 (got " + cellsAtOnce + ")");
        }
        CellBackendProvider provider = master == null ? null : provider(master);
        SweepGrid sweep = readGrid();
        try (CellBackend backend = provider == null ? new LocalCells(cellsAtOnce, parent.context()) : create(provider, cellsAtOnce)) {
            return run(sweep, backend);
        }
    }

    private static CellBackendProvider provider(String master) {
        if (master.isBlank()) {
            throw new BadInputException("--master must name a Spark master: local[N] or spark://HOST:PORT (got '')");
        }
        for (CellBackendProvider p : ServiceLoader.load(CellBackendProvider.class)) {
            if (p.accepts(master)) {
                return p;
            }
        }
        throw new BadInputException(NO_SPARK);
    }

    private CellBackend create(CellBackendProvider provider, int cellsAtOnce) {
        try {
            return provider.create(master, cellsAtOnce);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--master " + master + ": " + e.getMessage());
        }
    }

    private SweepGrid readGrid() {
        SpecArgument.Text text = SpecArgument.text("--grid", grid, "a grid JSON file");
        try {
            return SweepGrid.parse(text.json());
        } catch (InvalidGridException e) {
            throw new BadInputException("--grid (" + text.source() + "): " + e.getMessage());
        }
    }

    private int run(SweepGrid sweep, CellBackend backend) throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err);
        SweepOutcome outcome;
        try {
            outcome = TerminalRun.untilEnded(() -> {
                SweepHandle handle = SweepRunner.start(sweep, out, backend, new Progress(progress, sweep.cells().size()));
                return new TerminalRun.Live<SweepOutcome>() {
                    @Override
                    public void cancel() {
                        handle.cancel();
                    }

                    @Override
                    public SweepOutcome await() throws InterruptedException {
                        return handle.await();
                    }
                };
            });
        } catch (RunRefusedException e) {
            throw TerminalRun.refused(e);
        } finally {
            progress.finish();
        }
        SweepRecord record = SweepRecord.read(out);
        if (outcome.status() != SweepOutcome.Status.CANCELLED && record.grid() != null) {
            new SummaryTable(record.grid(), record.rows()).print(stdout);
            stdout.println("summary: " + out.resolve("summary.csv"));
            stdout.flush();
        }
        return switch (outcome.status()) {
            case CANCELLED -> {
                err.println("lrwb sweep: " + outcome.message());
                yield TerminalRun.EXIT_INTERRUPTED;
            }
            case FAILED -> {
                err.println("lrwb sweep: failed: " + outcome.message());
                yield Lrwb.EXIT_FAILURE;
            }
            case FINISHED -> {
                if (outcome.failed() > 0) {
                    err.println("lrwb sweep: " + outcome.message() + " (see their run.json)");
                    yield Lrwb.EXIT_FAILURE;
                }
                yield Lrwb.EXIT_OK;
            }
        };
    }

    /** Cells done / total and an ETA from this start's pace, on the progress bar. */
    private static final class Progress implements SweepListener {
        private final ProgressBar bar;
        private final int total;
        private final long started = System.nanoTime();
        private final AtomicInteger doneBefore = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        Progress(ProgressBar bar, int total) {
            this.bar = bar;
            this.total = total;
        }

        @Override
        public void onStarted(int total, int alreadyDone) {
            doneBefore.set(alreadyDone);
            synchronized (bar) {
                bar.update(alreadyDone, total, alreadyDone == 0 ? "cells" : "cells (" + alreadyDone + " from before)");
            }
        }

        @Override
        public void onCellStarted(SweepCell cell) {
            running.incrementAndGet();
        }

        @Override
        public void onCellFinished(SweepRow row, int done, int total) {
            running.decrementAndGet();
            int doneNow = done - doneBefore.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            String eta = doneNow <= 0 ? "" : "  ETA " + duration(seconds / doneNow * (total - done));
            synchronized (bar) {
                bar.update(done, total, "cells" + eta + "  last: cell " + row.cell() + " " + row.status());
            }
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? (s / 3600) + "h" + String.format("%02dm", (s % 3600) / 60)
                    : s >= 60 ? (s / 60) + "m" + String.format("%02ds", s % 60) : s + "s";
        }
    }

    /** Shortens an LR for the table: 3 significant digits. */
    static String lr(double v) {
        return Double.isNaN(v) ? "-" : NumberText.of(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }
}
