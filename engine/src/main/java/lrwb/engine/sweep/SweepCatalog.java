package lrwb.engine.sweep;

import lrwb.engine.run.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sweeps folder as a list of sweeps (the app's Runs workspace lists each sweep as one entry, its cells inside it).
 * Reads each folder's sweep.json and summary.csv as they are; never throws on a damaged one.
 */
public final class SweepCatalog {
    private final Path sweepsDir;

    public SweepCatalog(Path sweepsDir) {
        this.sweepsDir = sweepsDir;
    }

    /**
     * One sweep folder.
     *
     * @param grid      null when sweep.json cannot be read ({@link #problems()} says why; status damaged)
     * @param cellsDone the finished cells (rows of summary.csv)
     * @param status    running while a process holds its lock; finished once every cell is; interrupted when it
     *                  stopped before (it can be resumed); damaged when its grid cannot be read
     * @param startedAt when sweep.json was written (the sweep's last start)
     */
    public record Entry(Path dir, SweepGrid grid, int cellsDone, RunStatus status, Instant startedAt, List<String> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }

        /** The grid's name, or the folder's when the grid cannot be read. */
        public String name() {
            return grid != null ? grid.name() : dir.getFileName().toString();
        }

        /** The grid's cell count; 0 when the grid cannot be read. */
        public int cellsTotal() {
            return grid != null ? grid.cells().size() : 0;
        }
    }

    /** The folders under the sweeps folder with a sweep.json, newest first; empty when there is no sweeps folder. */
    public List<Entry> list() throws IOException {
        if (!Files.isDirectory(sweepsDir)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> children = Files.list(sweepsDir)) {
            dirs = children.filter(d -> Files.isRegularFile(d.resolve(SweepGrid.FILE))).sorted(Comparator.reverseOrder()).toList();
        }
        List<Entry> out = new ArrayList<>(dirs.size());
        for (Path dir : dirs) {
            out.add(entry(dir));
        }
        return out;
    }

    /** Reads one sweep folder. */
    public static Entry entry(Path dir) {
        SweepRecord record = SweepRecord.read(dir);
        Instant started;
        try {
            started = Files.getLastModifiedTime(dir.resolve(SweepGrid.FILE)).toInstant();
        } catch (IOException e) {
            started = Instant.EPOCH;
        }
        RunStatus status = record.grid() == null ? RunStatus.DAMAGED
                : SweepLock.isHeld(dir) ? RunStatus.RUNNING
                : record.rows().size() >= record.grid().cells().size() ? RunStatus.FINISHED
                : RunStatus.INTERRUPTED;
        return new Entry(dir, record.grid(), record.rows().size(), status, started, record.problems());
    }
}
