package lrwb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A private X display for timing the first window on a machine without one; stopped when closed. */
final class Xvfb implements AutoCloseable {
    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** The display to use: $DISPLAY if set, else a fresh Xvfb if installed, else none. */
    static Optional<Xvfb> startIfNeeded() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") != null) {
            return Optional.of(new Xvfb(null, System.getenv("DISPLAY")));
        }
        Path binary = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(binary)) {
            return Optional.empty();
        }
        for (int n = 150 + (int) (ProcessHandle.current().pid() % 50); n < 250; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(binary.toString(), ":" + n, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return Optional.of(new Xvfb(p, ":" + n));
            }
            p.destroy();
        }
        return Optional.empty();
    }

    String display() {
        return display;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
