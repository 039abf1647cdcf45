package lrwb.engine.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process that wrote a run is still alive. A PID alone is not enough: after a reboot or a long
 * time the same number belongs to another process, so the process's start time is recorded beside it and
 * must match too.
 */
final class ProcessLiveness {
    /** /proc gives start times in clock ticks; the same process reads back within this of its recorded start. */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    private ProcessLiveness() {
    }

    /**
     * This process's start, or null where the platform does not tell. Asked once: {@code ProcessHandle.info()} reads
     * /proc for the command line and more besides, a seventh of a 100-update iris range test's own time.
     */
    static Instant currentProcessStart() {
        return CurrentProcess.START;
    }

    private static final class CurrentProcess {
        static final Instant START = ProcessHandle.current().info().startInstant().orElse(null);
    }

    /**
     * @param processStartedAt the recorded start of the writer; null (records of older versions) trusts the PID
     */
    static boolean isAlive(long pid, Instant processStartedAt) {
        if (pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (processStartedAt == null) {
            return true;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        return start.isEmpty() || Duration.between(start.get(), processStartedAt).abs().compareTo(SAME_START) <= 0;
    }
}
