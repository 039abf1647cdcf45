package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.CellBackendProvider;
import lrwb.engine.sweep.CellSink;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Spark's overhead over the local runner (issue 18: embedded Spark within 1.15x of the local runner's wall time on the
 * same grid): {@link SweepBench}'s grid run by {@code LocalCells} with 2 threads and by the Spark runner on
 * {@code local[2]}, interleaved round by round, each into a fresh folder. The SparkContext is started once, before the
 * clock, as a long-lived driver keeps it: the timed sweeps measure what Spark adds per sweep (a job, a task per cell,
 * each run folder's files serialised back to the driver and written there). Its start-up, and the first sweep on it
 * (which also makes the executor's engine, see the spark module's ExecutorEngine), are reported on their own.
 *
 * <p>The Spark runner is found as {@code lrwb sweep --master} finds it ({@link CellBackendProvider} through
 * ServiceLoader); its JVM flags for Java 17 are on the bench JVM (bench/pom.xml).
 */
final class SparkSweepBench {
    static final String MASTER = "local[2]";
    private static final double TARGET = 1.15;

    private SparkSweepBench() {
    }

    static void run(int rounds, Path work, EngineContext context) throws Exception {
        Optional<CellBackendProvider> provider = ServiceLoader.load(CellBackendProvider.class).findFirst();
        if (provider.isEmpty()) {
            System.out.println("## Sweeps on Spark: skipped (the spark module is not on the class path)");
            System.out.println();
            return;
        }
        SweepGrid grid = SweepGrid.parse(SweepBench.GRID);
        int cells = grid.cells().size();
        long t0 = System.nanoTime();
        CellBackend spark = provider.get().create(MASTER, 2);
        double startup = (System.nanoTime() - t0) / 1e9;
        List<Double> local = new ArrayList<>();
        List<Double> onSpark = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        double firstSweep;
        try {
            firstSweep = SweepBench.time(grid, work.resolve("spark-warmup"), new KeptOpen(spark));
            SweepBench.time(grid, work.resolve("spark-local-warmup"), new LocalCells(2, context));
            for (int r = 0; r < rounds; r++) {
                boolean localFirst = r % 2 == 0;
                double a = localFirst ? SweepBench.time(grid, work.resolve("spark-local-" + r), new LocalCells(2, context)) : 0;
                double b = SweepBench.time(grid, work.resolve("spark-spark-" + r), new KeptOpen(spark));
                if (!localFirst) {
                    a = SweepBench.time(grid, work.resolve("spark-local-" + r), new LocalCells(2, context));
                }
                local.add(a);
                onSpark.add(b);
                ratios.add(b / a);
                added.add(b - a);
            }
        } finally {
            spark.close();
        }
        double sl = Stats.median(local);
        double ss = Stats.median(onSpark);
        double ratio = Stats.median(ratios);
        System.out.println("## Sweeps on Spark: the same " + cells + " cells, local runner against embedded Spark ("
                + MASTER + "), medians of " + rounds + " interleaved rounds");
        System.out.println();
        System.out.println("| runner | seconds per sweep | cells per minute | wall time / local |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| local, --parallel 2 | %.2f | %.1f | 1.00 |%n", sl, cells * 60 / sl);
        System.out.printf("| Spark %s, SparkContext already started | %.2f | %.1f | %.2f |%n", MASTER, ss, cells * 60 / ss,
                ratio);
        System.out.println();
        // The overhead as time: a fixed cost per sweep and per task, so the ratio shrinks as cells train longer.
        System.out.printf("Spark adds %.0f ms per sweep (median of the per-round differences), %.0f ms per cell.%n",
                1000 * Stats.median(added), 1000 * Stats.median(added) / cells);
        System.out.printf("Not in those figures: starting the SparkContext took %.2f s, and the first sweep on it "
                + "(the executor's engine made at its first task, Spark's task code loaded) %.2f s.%n", startup, firstSweep);
        System.out.println("Load average now: " + Machine.loadAverage());
        System.out.println();
        System.out.printf("- embedded Spark / local runner, wall time %.2f (target <= %.2f): %s%n", ratio, TARGET,
                ratio <= TARGET ? "met" : "NOT met");
        System.out.println();
    }

    /**
     * The Spark runner for one sweep, its SparkContext left running at the sweep's end ({@link SweepBench#time}
     * closes the backend it is given): the driver outlives its sweeps.
     */
    private record KeptOpen(CellBackend spark) implements CellBackend {
        @Override
        public void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) throws Exception {
            spark.run(grid, pending, sink);
        }

        @Override
        public void cancel() {
            spark.cancel();
        }

        @Override
        public void close() {
            // kept for the next sweep; SparkSweepBench.run stops it
        }
    }
}
