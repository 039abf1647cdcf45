package lrwb.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The runs on disk, newest first, each read through {@link RunRecord} (damaged ones included, with their
 * problems; a dead writer's run as interrupted) with the best validation accuracy of a training run. Meant to be
 * listed again and again while runs are live: a training run's epochs.csv is only re-read when it has changed.
 * Folders that hold no run file at all are not runs; they are named in {@link Listing#skipped()}.
 */
public final class RunCatalog {
    private final Path runsDir;
    private final Map<Path, Epochs> epochsCache = new ConcurrentHashMap<>();

    public RunCatalog(Path runsDir) {
        this.runsDir = runsDir;
    }

    /**
     * One run folder as the list shows it.
     *
     * @param bestValAccuracy NaN for range tests and before a training run's first epoch ended
     */
    public record Entry(RunRecord record, double bestValAccuracy) {
        public Path dir() {
            return record.dir();
        }
    }

    /** @param skipped folders that are not runs, or the runs folder itself when it cannot be listed */
    public record Listing(List<Entry> runs, List<String> skipped) {
    }

    /** The epochs.csv reading of a run, valid while the file keeps its size and time stamp. */
    private record Epochs(long size, long modified, double best, List<String> problems) {
    }

    public Listing list() {
        List<Entry> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return new Listing(runs, skipped);
        }
        List<Path> dirs;
        try (Stream<Path> children = Files.list(runsDir)) {
            dirs = children.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            skipped.add(runsDir + ": cannot list (" + e.getMessage() + ")");
            return new Listing(runs, skipped);
        }
        for (Path dir : dirs) {
            if (!RunTarget.holdsRun(dir)) {
                skipped.add(dir.getFileName() + ": no run files");
                continue;
            }
            runs.add(entry(RunRecord.read(dir)));
        }
        epochsCache.keySet().retainAll(dirs);
        return new Listing(runs, skipped);
    }

    private Entry entry(RunRecord record) {
        if (record.kind() != RunKind.TRAINING || record.status() == RunStatus.DAMAGED) {
            return new Entry(record, Double.NaN);
        }
        Epochs epochs = epochs(record.dir());
        return new Entry(record.withProblems(epochs.problems()), epochs.best());
    }

    private Epochs epochs(Path dir) {
        Path file = dir.resolve(RunFiles.EPOCHS);
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return new Epochs(-1, -1, Double.NaN, List.of("no " + RunFiles.EPOCHS));
        }
        Epochs known = epochsCache.get(dir);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known;
        }
        List<String> problems = new ArrayList<>();
        double best = TrainingRecord.bestValAccuracy(TrainingRecord.readEpochs(dir, problems));
        Epochs read = new Epochs(size, modified, best, List.copyOf(problems));
        epochsCache.put(dir, read);
        return read;
    }
}
