package lrwb.engine.run;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes out the held rows of every open record a few times a second, whatever the jobs are doing: a job that
 * validates for seconds appends nothing in that time, yet its last rows must reach the disk within ~0.25 s
 * (DESIGN.md "Files on disk"). One daemon thread for all runs of a service.
 */
final class RecordFlusher implements AutoCloseable {
    static final long PERIOD_MILLIS = 100;

    private final Set<DueFlush> open = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lrwb-record-flusher");
        t.setDaemon(true);
        return t;
    });

    RecordFlusher() {
        timer.scheduleWithFixedDelay(this::flushAll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(DueFlush record) {
        open.add(record);
    }

    void remove(DueFlush record) {
        open.remove(record);
    }

    private void flushAll() {
        for (DueFlush r : open) {
            try {
                r.flushIfDue(); // an I/O failure is kept for the job's own thread to report
            } catch (Throwable e) {
                // anything else must not end the schedule: every other run would go unflushed from then on
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
