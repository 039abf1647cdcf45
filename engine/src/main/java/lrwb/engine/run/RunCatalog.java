package lrwb.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs on disk, newest first. A folder whose run.json is missing or corrupt is reported in
 * {@link Listing#problems()} and skipped; it never breaks the listing. A run still marked running whose
 * process is gone was killed: it is listed as {@link RunStatus#INTERRUPTED}.
 */
public final class RunCatalog {
    private final Path runsDir;

    public RunCatalog(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** One run folder and what its run.json says. */
    public record Entry(Path dir, RunInfo info) {
    }

    public record Listing(List<Entry> runs, List<String> problems) {
    }

    public Listing list() {
        List<Entry> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return new Listing(runs, problems);
        }
        List<Path> dirs;
        try (Stream<Path> children = Files.list(runsDir)) {
            dirs = children.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            problems.add(runsDir + ": cannot list (" + e.getMessage() + ")");
            return new Listing(runs, problems);
        }
        for (Path dir : dirs) {
            if (!Files.exists(dir.resolve(RunInfo.FILE))) {
                problems.add(dir.getFileName() + ": no run.json, skipped");
                continue;
            }
            try {
                runs.add(new Entry(dir, withLiveness(RunInfo.read(dir))));
            } catch (IOException e) {
                problems.add(dir.getFileName() + ": " + e.getMessage() + ", skipped");
            }
        }
        return new Listing(runs, problems);
    }

    /** A run marked running by a process that no longer exists was interrupted (killed or crashed). */
    static RunInfo withLiveness(RunInfo info) {
        if (info.status() != RunStatus.RUNNING) {
            return info;
        }
        boolean alive = info.pid() > 0 && ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            return info;
        }
        return new RunInfo(info.kind(), info.name(), RunStatus.INTERRUPTED, info.config(), info.startedAt(), info.endedAt(),
                "the process that ran it ended without finishing it (killed or crashed); its files are complete up to then",
                info.pid());
    }
}
