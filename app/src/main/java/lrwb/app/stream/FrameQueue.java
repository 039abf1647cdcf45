package lrwb.app.stream;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The one hand-over from engine threads to the FX thread: engine listeners {@link #offer} items from any
 * thread; once per frame everything queued since the last frame is handed to the FX-thread consumer as one
 * list, so a chart does one addAll per frame however fast the engine produces (never a
 * {@code Platform.runLater} per iteration).
 */
public final class FrameQueue<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    /** @param consumer called on the FX thread with the items of one frame, in order; never with an empty list */
    public FrameQueue(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.add(item);
    }

    /** FX thread: start draining every frame. */
    public void start() {
        timer.start();
    }

    /** FX thread: drain what is left and stop. */
    public void stop() {
        timer.stop();
        drain();
    }

    /** FX thread (or a test): hands over everything queued now. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        consumer.accept(batch);
    }
}
