package lrwb.engine.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** A one-line progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;

    ProgressBar(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    void update(long done, long total, String detail) {
        update(done, total, () -> detail);
    }

    /**
     * As {@link #update(long, long, String)}, the detail made only when the bar is drawn: a range test or a training
     * run updates the bar every iteration (tens of thousands a second for a small network), and formatting its numbers
     * cost more than the iteration.
     */
    void update(long done, long total, Supplier<String> detail) {
        long now = System.nanoTime();
        if (!enabled || (now - lastDraw < 100_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + detail.get() + "\033[K");
        err.flush();
    }

    void finish() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
