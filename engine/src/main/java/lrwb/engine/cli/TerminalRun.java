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
 * A run of find or train (or a sweep) in a terminal: Ctrl-C (SIGINT) and SIGTERM cancel it, the command waits until its record
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
        return untilEnded(() -> {
            RunHandle handle = start.start();
            return new Live<RunOutcome>() {
                @Override
                public void cancel() {
                    handle.cancel();
                }

                @Override
                public RunOutcome await() {
                    return handle.await();
                }
            };
        });
    }

    /** Work under way that a signal cancels: a run, a sweep. */
    interface Live<R> {
        void cancel();

        /** Waits until the work has ended and its files are complete. */
        R await() throws InterruptedException;
    }

    /** Starts work; throws what the engine throws, refusals included. */
    interface Starter<R> {
        Live<R> start() throws IOException;
    }

    /**
     * Starts the work and waits for its end, cancelling it on the first INT or TERM, also one that comes before it
     * exists (it is then cancelled as soon as it does); a second signal ends the program at once.
     */
    static <R> R untilEnded(Starter<R> start) throws IOException {
        List<Runnable> restore = new ArrayList<>();
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicReference<Live<R>> live = new AtomicReference<>();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> {
                    if (signalled.getAndSet(true)) {
                        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
                    }
                    Live<R> work = live.get();
                    if (work != null) {
                        work.cancel();
                    }
                });
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without this signal: the JVM's default applies
            }
        }
        try {
            Live<R> work = start.start();
            live.set(work);
            if (signalled.get()) {
                work.cancel(); // the signal came while the work was being prepared
            }
            boolean interrupted = false;
            while (true) {
                try {
                    R result = work.await();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                } catch (InterruptedException e) {
                    interrupted = true; // the files must be complete before the command ends
                }
            }
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
