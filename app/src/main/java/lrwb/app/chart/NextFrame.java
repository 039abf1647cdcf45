package lrwb.app.chart;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once, at the next frame, however many times it was requested before then. A slider fires
 * several value changes per frame while it is dragged; redrawing once per frame keeps the drag smooth.
 * FX thread only.
 */
public final class NextFrame {
    private final Runnable action;
    private boolean pending;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runPending();
        }
    };

    public NextFrame(Runnable action) {
        this.action = action;
    }

    public void request() {
        if (!pending) {
            pending = true;
            timer.start();
        }
    }

    /** Runs the action now if a request is waiting (before a snapshot, or in a test that cannot wait for a frame). */
    public void runPending() {
        if (pending) {
            pending = false;
            timer.stop();
            action.run();
        }
    }
}
