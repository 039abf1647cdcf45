package lrwb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One timed block: wall time and the CPU time of the thread that ran it, each per update. The CPU time leaves
 * out the time the thread waited for a core, so it is steadier than the wall time on a busy machine; both
 * are reported.
 */
record Sample(double wall, double cpu) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The current thread's CPU time, in nanoseconds. */
    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** A clock started now on the current thread. */
    static Stopwatch start() {
        return new Stopwatch(System.nanoTime(), cpuNow());
    }

    record Stopwatch(long wall0, long cpu0) {
        /** Per update, read on the thread that started the stopwatch. */
        Sample stop(long updates) {
            return new Sample((System.nanoTime() - wall0) / 1e9 / updates, (cpuNow() - cpu0) / 1e9 / updates);
        }
    }
}
