package lrwb.bench;

import lrwb.engine.finder.RangePoint;
import lrwb.engine.run.RunListener;
import lrwb.engine.train.IterationMetrics;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for the app's chart feed: every metric is queued on the job's thread and drained by another
 * thread 60 times a second, as the FX thread's per-frame coalescing does.
 */
final class MetricsSink implements RunListener {
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private volatile long drained;

    MetricsSink() {
        Thread frames = new Thread(() -> {
            while (true) {
                long n = 0;
                while (queue.poll() != null) {
                    n++;
                }
                drained += n;
                try {
                    Thread.sleep(16);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-frames");
        frames.setDaemon(true);
        frames.start();
    }

    @Override
    public void onIteration(IterationMetrics metrics) {
        queue.add(metrics);
    }

    @Override
    public void onRangePoint(RangePoint point) {
        queue.add(point);
    }

    long drained() {
        return drained;
    }
}
