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
 * same grid): {@link SweepBench}'s grids run by {@code LocalCells} with 2 threads and by the Spark runner on
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

    static void run(List<SweepBench.Grid> grids, int tinyRounds, int smallRounds, Path work, EngineContext context)
            throws Exception {
        Optional<CellBackendProvider> provider = ServiceLoader.load(CellBackendProvider.class).findFirst();
        if (provider.isEmpty()) {
            System.out.println("## Sweeps on Spark: skipped (the spark module is not on the class path)");
            System.out.println();
            return;
        }
        long t0 = System.nanoTime();
        CellBackend spark = provider.get().create(MASTER, 2);
        double startup = (System.nanoTime() - t0) / 1e9;
        try {
            double firstSweep = SweepBench.time(grids.get(0).grid(), work.resolve("spark-warmup"), new KeptOpen(spark)).seconds();
            System.out.printf("Spark: starting the SparkContext (%s) took %.2f s, and the first sweep on it (the executor's "
                    + "engine made at its first task, Spark's task code loaded) %.2f s; neither is in the figures below.%n%n",
                    MASTER, startup, firstSweep);
            for (SweepBench.Grid g : grids) {
                run(g, g == SweepBench.Grid.TINY ? tinyRounds : smallRounds, spark, work, context);
            }
        } finally {
            spark.close();
        }
    }

    private static void run(SweepBench.Grid g, int rounds, CellBackend spark, Path work, EngineContext context) throws Exception {
        SweepGrid grid = g.grid();
        int cells = grid.cells().size();
        String load = Machine.loadAverage();
        List<SweepTiming> local = new ArrayList<>();
        List<SweepTiming> onSpark = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        String tag = "spark-" + g.label + "-";
        SweepBench.time(grid, work.resolve(tag + "warmup-spark"), new KeptOpen(spark));
        SweepBench.time(grid, work.resolve(tag + "warmup-local"), new LocalCells(2, context));
        for (int r = 0; r < rounds; r++) {
            boolean localFirst = r % 2 == 0;
            SweepTiming a = localFirst ? SweepBench.time(grid, work.resolve(tag + "local-" + r), new LocalCells(2, context)) : null;
            SweepTiming b = SweepBench.time(grid, work.resolve(tag + "spark-" + r), new KeptOpen(spark));
            if (!localFirst) {
                a = SweepBench.time(grid, work.resolve(tag + "local-" + r), new LocalCells(2, context));
            }
            local.add(a);
            onSpark.add(b);
            ratios.add(b.seconds() / a.seconds());
            added.add(b.seconds() - a.seconds());
        }
        double ratio = Stats.median(ratios);
        System.out.println("## Sweeps on Spark: the same " + cells + " " + g.label + " cells (" + g.describe
                + "), local runner against embedded Spark (" + MASTER + "), medians of " + rounds + " interleaved rounds");
        System.out.println();
        System.out.println(SweepBench.TABLE_HEADER);
        System.out.println(SweepBench.TABLE_RULE);
        System.out.println(SweepBench.row("local, --parallel 2", local, cells, "1.00"));
        System.out.println(SweepBench.row("Spark " + MASTER + ", SparkContext already started", onSpark, cells,
                String.format("%.2f", ratio)));
        System.out.println();
        // The overhead as time: a fixed cost per sweep and per task, so the ratio shrinks as cells train longer.
        System.out.printf("Spark adds %.0f ms per sweep (median of the per-round differences), %.0f ms per cell. "
                + "Load average at the start: %s, at the end: %s.%n", 1000 * Stats.median(added),
                1000 * Stats.median(added) / cells, load, Machine.loadAverage());
        System.out.println();
        System.out.printf("- embedded Spark / local runner on the %s grid, wall time %.2f (target <= %.2f, measured on the "
                + "small grid): %s%n", g.label, ratio, TARGET, g != SweepBench.Grid.SMALL ? "not this grid's figure"
                : ratio <= TARGET ? "met" : "NOT met");
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
