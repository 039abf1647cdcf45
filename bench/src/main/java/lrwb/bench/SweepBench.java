package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The local sweep runner's throughput (issue 18: 2 cells at once on 2 cores finish a grid at least 1.7x faster than 1 at
 * a time): a grid of 8 cells (4 LRs x 2 optimizers) run with --parallel 1 and --parallel 2, interleaved round by round,
 * each run into a fresh folder, clocked from the start to the complete summary. Reported as cells per minute, with
 * where the time outside the cells' training went ({@link SweepTiming}). Two grids ({@link Grid}): the target
 * is measured on {@link Grid#SMALL}, cells of about 1.5 s, a user's smallest real sweep; {@link Grid#TINY}'s ~70 ms
 * cells show the fixed costs. {@link #time} takes any {@link CellBackend}, so another runner (Spark's embedded one) can
 * be clocked on the same grids.
 */
final class SweepBench {
    static final double TARGET = 1.7;

    /** The benchmark's grids: the same 4 LRs x 2 optimizers (sgd, adam), cosine schedule, on moons. */
    enum Grid {
        /** ~70 ms cells (150 updates of mlp:32,16): mostly the fixed costs of a cell and a sweep. */
        TINY("tiny", "moons 1000, mlp:32,16, 6 epochs (150 updates)", "moons:samples=1000", "mlp:32,16", 6, 150),
        /**
         * ~0.2 s cells (4000 updates of mlp:64,32): what {@link #SMALL} was until the engine's lean step made its cells
         * seven times shorter; the JIT's compilations, one core's worth of them taken by the other core at --parallel
         * 1, and a sweep's tail weigh several times more here.
         */
        SHORT("short", "moons 4000, mlp:64,32, 40 epochs (4000 updates)", "moons:samples=4000", "mlp:64,32", 40, 4000),
        /** ~1.5 s cells (30,000 updates of mlp:64,32): the smallest sweep a user would run; the figure. */
        SMALL("small", "moons 4000, mlp:64,32, 300 epochs (30,000 updates)", "moons:samples=4000", "mlp:64,32", 300, 30000);

        final String label;
        final String describe;
        final String json;

        Grid(String label, String describe, String dataset, String model, int epochs, int updates) {
            this.label = label;
            this.describe = describe;
            this.json = "{\"name\": \"bench " + label + "\", \"base\": {\"dataset\": \"" + dataset + "\", \"model\": \"" + model
                    + "\", \"batch\": 32, \"epochs\": " + epochs + ", \"schedule\": {\"type\": \"cosine\", \"lr\": 0.1, "
                    + "\"decaySteps\": " + updates + "}}, \"axes\": {\"lr\": [0.01, 0.03, 0.1, 0.3], \"optimizer\": [\"sgd\", \"adam\"]}}";
        }

        SweepGrid grid() {
            return SweepGrid.parse(json);
        }

        /** {@code sweep=} / {@code spark=} option: none, or grids by label (tiny,short,small); all of them by default. */
        static List<Grid> chosen(String option) {
            List<Grid> grids = new ArrayList<>();
            for (Grid g : values()) {
                if (option.equals("on") || List.of(option.split(",")).contains(g.label)) {
                    grids.add(g);
                }
            }
            return grids;
        }
    }

    private SweepBench() {
    }

    /** @param warmups sweeps at --parallel 2 before the timed rounds, for the JIT (their compile times are printed) */
    static void run(List<Grid> grids, int tinyRounds, int smallRounds, int warmups, Path work, EngineContext context)
            throws Exception {
        for (Grid g : grids) {
            run(g, g == Grid.TINY ? tinyRounds : smallRounds, warmups, work, context);
        }
    }

    private static void run(Grid g, int rounds, int warmups, Path work, EngineContext context) throws Exception {
        SweepGrid grid = g.grid();
        int cells = grid.cells().size();
        String load = Machine.loadAverage();
        List<SweepTiming> one = new ArrayList<>();
        List<SweepTiming> two = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<String> warm = new ArrayList<>(); // JIT and ND4J warm: each warm-up sweep's wall and JIT seconds
        for (int w = 0; w < warmups; w++) {
            SweepTiming t = time(grid, work.resolve("sweep-" + g.label + "-warmup-" + w), new LocalCells(2, context));
            warm.add(String.format("%.2f s (JIT %.2f s)", t.seconds(), t.jitMs() / 1000));
        }
        for (int r = 0; r < rounds; r++) {
            boolean oneFirst = r % 2 == 0;
            SweepTiming a = oneFirst ? time(grid, work.resolve("sweep-" + g.label + "-1-" + r), new LocalCells(1, context)) : null;
            SweepTiming b = time(grid, work.resolve("sweep-" + g.label + "-2-" + r), new LocalCells(2, context));
            if (!oneFirst) {
                a = time(grid, work.resolve("sweep-" + g.label + "-1-" + r), new LocalCells(1, context));
            }
            one.add(a);
            two.add(b);
            ratios.add(a.seconds() / b.seconds());
        }
        double ratio = Stats.median(ratios);
        System.out.println("## Sweeps: the local runner, " + cells + " " + g.label + " cells (" + g.describe + "), medians of "
                + rounds + " interleaved rounds");
        System.out.println();
        System.out.println(TABLE_HEADER);
        System.out.println(TABLE_RULE);
        System.out.println(row("--parallel 1", one, cells, "1.00"));
        System.out.println(row("--parallel 2", two, cells, String.format("%.2f", ratio)));
        System.out.println();
        System.out.println("Per-round speed-ups, in order: " + ratios.stream().map(x -> String.format("%.2f", x)).toList()
                + "; seconds per sweep at --parallel 1: " + one.stream().map(t -> String.format("%.2f", t.seconds())).toList()
                + ", at --parallel 2: " + two.stream().map(t -> String.format("%.2f", t.seconds())).toList() + ".");
        System.out.println("Warm-up sweeps at --parallel 2 before the rounds: " + warm + ".");
        System.out.println("Cells' run seconds by index, round by round, at --parallel 1: " + cellSeconds(one)
                + "; at --parallel 2: " + cellSeconds(two) + ".");
        System.out.println("Machine cores: " + Runtime.getRuntime().availableProcessors() + "; load average at the start: " + load
                + ", at the end: " + Machine.loadAverage() + ". Speed-up: median of the per-round ratios (target >= "
                + TARGET + " on 2 idle cores, measured on the small grid)" + (g != Grid.SMALL ? ": not this grid's figure."
                : ": " + (ratio >= TARGET ? "met" : "NOT met") + " here."));
        System.out.println();
    }

    static final String TABLE_HEADER = "| runner | seconds per sweep | cells per minute | speed-up / ratio | a cell's run (s) "
            + "| set-up before the first cell (ms) | after the last row (ms) | per cell outside its run (ms) | fewer cells running than at most (ms) | JIT compiling (ms) |";
    static final String TABLE_RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /** A table row of medians. */
    static String row(String runner, List<SweepTiming> timings, int cells, String ratio) {
        double s = median(timings, SweepTiming::seconds);
        return String.format("| %s | %.2f | %.1f | %s | %.3f | %.0f | %.0f | %.0f | %.0f | %.0f |", runner, s, cells * 60 / s, ratio,
                median(timings, SweepTiming::cellRunSeconds), median(timings, SweepTiming::setupMs),
                median(timings, SweepTiming::windDownMs), median(timings, SweepTiming::perCellMs),
                median(timings, SweepTiming::underfullMs), median(timings, SweepTiming::jitMs));
    }

    /** Each round's cells' run seconds in index order, two decimals. */
    private static String cellSeconds(List<SweepTiming> timings) {
        return timings.stream().map(t -> t.cellSeconds().values().stream().map(x -> String.format("%.2f", x)).toList().toString())
                .toList().toString();
    }

    static double median(List<SweepTiming> timings, ToDoubleFunction<SweepTiming> f) {
        return Stats.median(timings.stream().map(t -> f.applyAsDouble(t)).toList());
    }

    /** A sweep into a fresh folder, timed from its start to its complete files (and the backend closed). */
    static SweepTiming time(SweepGrid grid, Path dir, CellBackend backend) throws Exception {
        Files.createDirectories(dir.getParent());
        SweepTiming.Clock clock = new SweepTiming.Clock();
        SweepOutcome outcome;
        try (backend) {
            outcome = SweepRunner.start(grid, dir, backend, clock).await();
        }
        SweepTiming timing = clock.timing(System.nanoTime());
        if (outcome.status() != SweepOutcome.Status.FINISHED) {
            throw new IllegalStateException("the bench sweep ended " + outcome.status().label() + ": " + outcome.message());
        }
        return timing;
    }
}
