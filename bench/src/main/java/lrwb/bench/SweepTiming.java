package lrwb.bench;

import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepRow;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One timed sweep, and where its wall time went, from the runner's own events: the set-up before the first cell
 * starts (claiming DIR, sweep.json, summary.csv, threads or the Spark job), the wind-down after the last cell's row
 * (closing the summary, the lock, the backend), and per cell the time between its start and its row that
 * its run record does not count (loading the data, building the network, claiming the folder, reading the record
 * back, the summary row; on Spark also the task's trip and the driver writing the files).
 *
 * @param seconds        start to complete summary.csv
 * @param setupMs        start to the first cell's start
 * @param windDownMs     the last row to the end
 * @param cellRunSeconds mean of the cells' own run time (their run.json duration)
 * @param perCellMs      mean per cell of (its start to its row) minus its run time
 * @param underfullMs    between the first cell's start and the last row, the time with fewer cells running than the
 *                       most that ran at once: a core idle while the last cells finish (unequal cells' tail)
 * @param cellSeconds    each cell's run time (run.json's duration) by its index
 * @param jitMs          the JIT compilers' time during the sweep (all compiler threads, summed; may exceed the wall time)
 */
record SweepTiming(double seconds, double setupMs, double windDownMs, double cellRunSeconds, double perCellMs,
                   double underfullMs, SortedMap<Integer, Double> cellSeconds, double jitMs) {

    /** Milliseconds the JIT compilers have spent so far in this JVM. */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Collects the events of one sweep (thread-safe: cells start and end on several threads). */
    static final class Clock implements SweepListener {
        private final long t0 = System.nanoTime();
        private final long jit0 = jitMillis();
        private final Map<Integer, Long> starts = new ConcurrentHashMap<>();
        private long firstStart = Long.MAX_VALUE;
        private long lastRow;
        private double outside;
        /** Each finished cell's run time by index: their count and sum give the mean. */
        private final SortedMap<Integer, Double> cellSeconds = new TreeMap<>();
        private int running;
        private int mostRunning;
        private long lastChange;
        private long underfull;

        /** Accounts the time since the last start or row at the number of cells that ran in it. */
        private void changeRunning(long now, int by) {
            if (running > 0 && running < mostRunning) {
                underfull += now - lastChange;
            }
            running += by;
            mostRunning = Math.max(mostRunning, running);
            lastChange = now;
        }

        @Override
        public synchronized void onCellStarted(SweepCell cell) {
            long now = System.nanoTime();
            starts.put(cell.index(), now);
            firstStart = Math.min(firstStart, now);
            changeRunning(now, 1);
        }

        @Override
        public synchronized void onCellFinished(SweepRow row, int done, int total) {
            long now = System.nanoTime();
            lastRow = now;
            changeRunning(now, -1);
            Long start = starts.get(row.cell());
            if (start != null) {
                cellSeconds.put(row.cell(), row.seconds());
                outside += (now - start) / 1e9 - row.seconds();
            }
        }

        /** @param endNanos when the sweep's files were complete and its backend closed */
        synchronized SweepTiming timing(long endNanos) {
            int rows = cellSeconds.size();
            double runSeconds = cellSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return new SweepTiming((endNanos - t0) / 1e9, (firstStart - t0) / 1e6, (endNanos - lastRow) / 1e6,
                    rows == 0 ? Double.NaN : runSeconds / rows, rows == 0 ? Double.NaN : 1000 * outside / rows,
                    underfull / 1e6, new TreeMap<>(cellSeconds), jitMillis() - jit0);
        }
    }
}
