package lrwb.engine.cli;

import java.io.PrintWriter;

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
        long now = System.nanoTime();
        if (!enabled || (now - lastDraw < 100_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + detail + "\033[K");
        err.flush();
    }

    void finish() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
