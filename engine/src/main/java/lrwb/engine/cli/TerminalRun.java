package lrwb.engine.cli;

import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunStatus;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run of find or train in a terminal: Ctrl-C (SIGINT) and SIGTERM cancel it, the command waits until its record
 * is complete and exits 130 (cli.md) — the signal is handled, not left to a shutdown hook, so the program ends as
 * the contract says rather than as the JVM's default (143 for SIGTERM). A second signal ends it at once.
 */
final class TerminalRun {
    /** Conventional exit code of a program stopped by Ctrl-C (128 + SIGINT); SIGTERM too, as cli.md says. */
    static final int EXIT_INTERRUPTED = 130;
    private static final String[] SIGNALS = {"INT", "TERM"};

    private TerminalRun() {
    }

    /** Starts a run; throws what the service throws, refusals included. */
    interface Start {
        RunHandle start() throws IOException;
    }

    /**
     * Starts the run and waits for its outcome, cancelling it on the first INT or TERM — also one that comes while
     * the data loads: the run is then cancelled as soon as it exists, so its record is complete either way.
     */
    static RunOutcome run(Start start) throws IOException {
        List<Runnable> restore = new ArrayList<>();
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicReference<RunHandle> live = new AtomicReference<>();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> {
                    if (signalled.getAndSet(true)) {
                        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
                    }
                    RunHandle handle = live.get();
                    if (handle != null) {
                        handle.cancel();
                    }
                });
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without this signal: the JVM's default applies
            }
        }
        try {
            RunHandle handle = start.start();
            live.set(handle);
            if (signalled.get()) {
                handle.cancel(); // the signal came while the run was being prepared
            }
            return handle.await();
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /** 0 for a run that ran its course (a range test's normal end is often divergence), 130 cancelled, 1 otherwise. */
    static int exitCode(RunOutcome outcome, boolean divergenceIsNormal) {
        if (outcome.status() == RunStatus.CANCELLED) {
            return EXIT_INTERRUPTED;
        }
        if (outcome.status() == RunStatus.FINISHED || (divergenceIsNormal && outcome.status() == RunStatus.DIVERGED)) {
            return Lrwb.EXIT_OK;
        }
        return Lrwb.EXIT_FAILURE;
    }

    /** A refusal of the run service as the CLI says it: engine field names become option names. */
    static BadInputException refused(lrwb.engine.run.RunRefusedException e) {
        return new BadInputException(OptionNames.rename(e.getMessage()));
    }
}
