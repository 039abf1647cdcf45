package lrwb.engine.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run folder read back, as far as it is readable: the one reader of run.json (DESIGN.md: no JSON key is
 * spelled outside the engine's run package). Never throws: a damaged record comes back with what could be read
 * and {@link #problems()} saying what is wrong; a run whose writer is gone reads as interrupted.
 *
 * @param info     run.json as written, with a dead writer's "running" turned into "interrupted"; for a folder whose
 *                 run.json cannot be read, a stand-in named after the folder with status {@link RunStatus#DAMAGED}
 * @param config   what ran, as the engine's requests ({@link RunConfig#UNKNOWN} when unreadable)
 * @param problems what is wrong with the record, one sentence each; empty for a sound record
 */
public record RunRecord(Path dir, RunInfo info, RunConfig config, List<String> problems) {
    public RunRecord {
        problems = List.copyOf(problems);
    }

    public static RunRecord read(Path dir) {
        List<String> problems = new ArrayList<>();
        RunInfo info;
        try {
            info = RunInfo.read(dir);
        } catch (IOException e) {
            problems.add(e.getMessage());
            return new RunRecord(dir, standIn(dir), RunConfig.UNKNOWN, problems);
        }
        if (info.status() == RunStatus.RUNNING && !info.writerAlive()) {
            info = info.interrupted(lastWrite(dir, info.startedAt()));
        }
        RunConfig config = RunConfig.UNKNOWN;
        try {
            config = RunConfig.read(info.kind(), info.config());
        } catch (RuntimeException e) {
            problems.add(RunFiles.RUN_JSON + ": the configuration cannot be read (" + e.getMessage() + ")");
        }
        return new RunRecord(dir, info, config, problems);
    }

    public RunKind kind() {
        return info.kind();
    }

    public String name() {
        return info.name();
    }

    public RunStatus status() {
        return info.status();
    }

    public boolean isDamaged() {
        return !problems.isEmpty();
    }

    /** Its problems and the ones its metrics add, as one record. */
    RunRecord withProblems(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new RunRecord(dir, info, config, all);
    }

    /** Run time so far; for an ended or interrupted run, up to its end or its last write (it stops growing). */
    public Duration duration() {
        return info.duration();
    }

    /** A run.json-less folder: named after itself, its kind guessed from its files. */
    private static RunInfo standIn(Path dir) {
        RunKind kind = Files.exists(dir.resolve(RunFiles.RANGE)) ? RunKind.RANGE_TEST : RunKind.TRAINING;
        Instant last = lastWrite(dir, Instant.EPOCH);
        return new RunInfo(kind, dir.getFileName().toString(), RunStatus.DAMAGED,
                RunInfo.JSON.createObjectNode(), last, last, null, -1, null);
    }

    /** The newest modification time of the folder's files: when its writer was last seen. */
    static Instant lastWrite(Path dir, Instant atLeast) {
        Instant last = atLeast;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                if (t.isAfter(last)) {
                    last = t;
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the start is the best we know
        }
        return last;
    }

    /** Writes a new name into run.json (the folder keeps its own); refused while the run is being written. */
    public RunRecord renamed(String newName) throws IOException {
        if (info.status() == RunStatus.RUNNING) {
            throw new IOException("the run is still being written: rename it once it has ended");
        }
        if (info.status() == RunStatus.DAMAGED) {
            throw new IOException("its " + RunFiles.RUN_JSON + " cannot be read, so it cannot be renamed");
        }
        RunInfo current = RunInfo.read(dir);
        RunInfo next = current.withName(newName);
        next.writeTo(dir);
        return new RunRecord(dir, info.withName(newName), config, problems);
    }
}
