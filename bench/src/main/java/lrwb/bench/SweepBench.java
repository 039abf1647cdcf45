package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local sweep runner's throughput (issue 18: 2 cells at once on 2 cores finish a grid at least 1.7x faster than 1 at
 * a time): a grid of 8 small cells (moons, mlp:32,16, 4 LRs x 2 optimizers) run with --parallel 1 and --parallel 2,
 * interleaved round by round, each run into a fresh folder, clocked from the start to the complete summary. Reported as
 * cells per minute. {@link #time} takes any {@link CellBackend}, so another runner (Spark's embedded one) can be
 * clocked on the same grid.
 */
final class SweepBench {
    static final String GRID = "{\"name\": \"bench\", \"base\": {\"dataset\": \"moons:samples=1000\", \"model\": \"mlp:32,16\","
            + " \"batch\": 32, \"epochs\": 6, \"schedule\": {\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 150}},"
            + " \"axes\": {\"lr\": [0.01, 0.03, 0.1, 0.3], \"optimizer\": [\"sgd\", \"adam\"]}}";

    private SweepBench() {
    }

    static void run(int rounds, Path work, EngineContext context) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        int cells = grid.cells().size();
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        time(grid, work.resolve("sweep-warmup"), new LocalCells(2, context)); // JIT and ND4J warm
        for (int r = 0; r < rounds; r++) {
            boolean oneFirst = r % 2 == 0;
            double a = oneFirst ? time(grid, work.resolve("sweep-1-" + r), new LocalCells(1, context)) : 0;
            double b = time(grid, work.resolve("sweep-2-" + r), new LocalCells(2, context));
            if (!oneFirst) {
                a = time(grid, work.resolve("sweep-1-" + r), new LocalCells(1, context));
            }
            one.add(a);
            two.add(b);
            ratios.add(a / b);
        }
        double s1 = Stats.median(one);
        double s2 = Stats.median(two);
        System.out.println("## Sweeps: the local runner, " + cells + " cells (moons 1000, mlp:32,16, 6 epochs), medians of "
                + rounds + " interleaved rounds");
        System.out.println();
        System.out.println("| runner | seconds per sweep | cells per minute | speed-up over --parallel 1 |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| --parallel 1 | %.2f | %.1f | 1.00 |%n", s1, cells * 60 / s1);
        System.out.printf("| --parallel 2 | %.2f | %.1f | %.2f |%n", s2, cells * 60 / s2, Stats.median(ratios));
        System.out.println();
        System.out.println("Machine cores: " + Runtime.getRuntime().availableProcessors() + "; load average now: "
                + Machine.loadAverage() + " (the target, >= 1.7x, needs 2 idle cores)");
        System.out.println();
    }

    /** Seconds from the start of a sweep into a fresh folder to its complete files. */
    static double time(SweepGrid grid, Path dir, CellBackend backend) throws Exception {
        Files.createDirectories(dir.getParent());
        long t0 = System.nanoTime();
        SweepOutcome outcome;
        try (backend) {
            outcome = SweepRunner.start(grid, dir, backend, SweepListener.NONE).await();
        }
        if (outcome.status() != SweepOutcome.Status.FINISHED) {
            throw new IllegalStateException("the bench sweep ended " + outcome.status().label() + ": " + outcome.message());
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
