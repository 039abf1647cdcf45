package lrwb.app.stream;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The one hand-over from engine threads to the FX thread: engine listeners {@link #offer} items from any
 * thread; once per frame what was queued since the last frame is handed to the FX-thread consumer as one
 * list, so a chart does one addAll per frame however fast the engine produces (never a
 * {@code Platform.runLater} per iteration). A frame hands over at most {@link #maxPerFrame()} items, the rest
 * the frames after, so a burst cannot stall a frame; and a consumer that calls {@link #drain()} or
 * {@link #stop()} from its own callback does not re-enter itself.
 */
public final class FrameQueue<T> {
    /** Far more than any engine produces in 16 ms (iris trains at a few hundred updates a frame), far less than stalls one. */
    public static final int DEFAULT_MAX_PER_FRAME = 5_000;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private final int maxPerFrame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
            if (stopWhenEmpty && queue.isEmpty()) {
                stopTimer();
            }
        }
    };
    /** FX thread only: the consumer is running, so a drain() now would hand items over inside their own callback. */
    private boolean handingOver;
    /** FX thread only: stop() was asked while items were still queued; the timer stops once they are handed over. */
    private boolean stopWhenEmpty;
    private boolean timerRunning;

    /** @param consumer called on the FX thread with the items of one frame, in order; never with an empty list */
    public FrameQueue(Consumer<List<T>> consumer) {
        this(consumer, DEFAULT_MAX_PER_FRAME);
    }

    /** @param maxPerFrame the most items one frame hands over, at least 1 */
    public FrameQueue(Consumer<List<T>> consumer, int maxPerFrame) {
        if (maxPerFrame < 1) {
            throw new IllegalArgumentException("maxPerFrame must be at least 1 (got " + maxPerFrame + ")");
        }
        this.consumer = consumer;
        this.maxPerFrame = maxPerFrame;
    }

    public int maxPerFrame() {
        return maxPerFrame;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.add(item);
    }

    /** FX thread: start draining every frame. */
    public void start() {
        stopWhenEmpty = false;
        if (!timerRunning) {
            timerRunning = true;
            timer.start();
        }
    }

    /**
     * FX thread, also from inside the consumer: stop draining once what is queued now has been handed over.
     * Nothing is handed over during this call; items still queued go out over the next frames, a frame's
     * worth at a time, and then the timer stops.
     */
    public void stop() {
        if (queue.isEmpty()) {
            stopTimer();
        } else {
            stopWhenEmpty = true;
            if (!timerRunning) {
                timerRunning = true;
                timer.start();
            }
        }
    }

    private void stopTimer() {
        stopWhenEmpty = false;
        timerRunning = false;
        timer.stop();
    }

    /**
     * FX thread (or a test): hands over what is queued now, at most {@link #maxPerFrame()} items. Called from
     * inside the consumer it does nothing: the items wait for the next frame rather than arrive in the middle
     * of the batch before them.
     */
    public void drain() {
        if (handingOver || queue.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>(Math.min(maxPerFrame, 256));
        for (T item; batch.size() < maxPerFrame && (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        handingOver = true;
        try {
            consumer.accept(batch);
        } finally {
            handingOver = false;
        }
    }

    /** Whether items are waiting for a frame (tests). */
    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
