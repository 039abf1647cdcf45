package lrwb.engine.sweep;

import lrwb.engine.run.AtomicFile;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunStatus;
import lrwb.engine.runtime.EngineThreads;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Starts a sweep on a folder DIR (specs/sweeps.md "Outputs"): writes {@code sweep.json} first, then hands the cells not
 * yet in {@code summary.csv} to a {@link CellBackend} and appends each finished cell's row as it comes — one writer,
 * a row flushed at a time. Started again on the same DIR with the same grid it resumes: finished cells are skipped,
 * unfinished ones rerun (their folders replaced). A DIR holding another grid, or anything but a sweep, is refused.
 * A cancelled cell writes no row, so a resume reruns it.
 */
public final class SweepRunner {
    static final String CELLS = "cells";

    private SweepRunner() {
    }

    /**
     * Checks and claims DIR, writes sweep.json and starts the cells on a thread of their own.
     *
     * @throws RunRefusedException (field OUT) when DIR cannot be the sweep's: a file, another sweep, not empty, or
     *                             written by another sweep right now
     * @throws IOException         when DIR or its files cannot be written
     */
    public static SweepHandle start(SweepGrid grid, Path outDir, CellBackend backend, SweepListener listener) throws IOException {
        if (outDir == null || outDir.toString().isBlank()) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out must name a folder (got an empty path)");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + outDir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(outDir);
        } catch (FileAlreadyExistsException e) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + outDir + ": " + e.getFile() + " is a file, not a folder");
        }
        SweepLock lock = SweepLock.acquire(outDir);
        try {
            Set<Integer> done = claim(grid, outDir);
            SummaryFile summary = SummaryFile.append(outDir.resolve(SummaryFile.FILE));
            List<SweepCell> pending = grid.cells().stream().filter(c -> !done.contains(c.index())).toList();
            Run run = new Run(grid, outDir, backend, listener, lock, summary, done.size(), failedBefore(outDir, grid));
            listener.onStarted(grid.cells().size(), done.size());
            EngineThreads.start("sweep", () -> run.go(pending));
            return run;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Where a cell's run folder is: DIR/cells/NNNN. */
    public static Path cellFolder(Path sweepDir, SweepCell cell) {
        return sweepDir.resolve(CELLS).resolve(cell.folderName());
    }

    /** Checks that DIR is new, empty, or this grid's sweep; writes sweep.json; the indexes of finished cells. */
    private static Set<Integer> claim(SweepGrid grid, Path dir) throws IOException {
        Path file = dir.resolve(SweepGrid.FILE);
        if (Files.exists(file)) {
            SweepGrid before;
            try {
                before = SweepGrid.read(dir);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + " holds a " + SweepGrid.FILE
                        + " that cannot be read (" + e.getMessage() + "): choose another folder");
            }
            if (!before.given().equals(grid.given())) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + " holds another sweep (\""
                        + before.name() + "\", " + before.cells().size() + " cells): choose another folder, or give its own grid to resume it");
            }
            Set<Integer> done = new HashSet<>();
            for (SweepRow row : SummaryFile.read(dir.resolve(SummaryFile.FILE)).rows()) {
                if (row.cell() >= 0 && row.cell() < grid.cells().size()) {
                    done.add(row.cell());
                }
            }
            return done;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().equals(SweepLock.FILE))) {
            if (entries.iterator().hasNext()) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir
                        + " is not empty and holds no sweep: choose a new or empty folder");
            }
        }
        AtomicFile.write(file, grid.toText());
        return Set.of();
    }

    private static int failedBefore(Path dir, SweepGrid grid) {
        Set<Integer> failed = new HashSet<>();
        for (SweepRow row : SummaryFile.read(dir.resolve(SummaryFile.FILE)).rows()) {
            if (row.status().equals(RunStatus.FAILED.json()) && row.cell() < grid.cells().size()) {
                failed.add(row.cell());
            }
        }
        return failed.size();
    }

    /** One start of a sweep: the sink its backend hands cells to, and the handle its caller holds. */
    private static final class Run implements SweepHandle, CellSink {
        private final SweepGrid grid;
        private final Path dir;
        private final CellBackend backend;
        private final SweepListener listener;
        private final SweepLock lock;
        private final SummaryFile summary;
        private final AtomicInteger done;
        private final AtomicInteger failed;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<SweepOutcome> ended = new CompletableFuture<>();

        Run(SweepGrid grid, Path dir, CellBackend backend, SweepListener listener, SweepLock lock, SummaryFile summary,
            int doneBefore, int failedBefore) {
            this.grid = grid;
            this.dir = dir;
            this.backend = backend;
            this.listener = listener;
            this.lock = lock;
            this.summary = summary;
            this.done = new AtomicInteger(doneBefore);
            this.failed = new AtomicInteger(failedBefore);
        }

        void go(List<SweepCell> pending) {
            int total = grid.cells().size();
            SweepOutcome outcome;
            try {
                backend.run(grid, pending, this);
                if (cancelled.get() && done.get() < total) {
                    outcome = new SweepOutcome(SweepOutcome.Status.CANCELLED, done.get(), total, failed.get(),
                            "cancelled with " + done.get() + " of " + total + " cells done: run it again on the same folder to go on");
                } else if (done.get() < total) {
                    outcome = new SweepOutcome(SweepOutcome.Status.FAILED, done.get(), total, failed.get(),
                            (total - done.get()) + " cells did not run");
                } else {
                    outcome = new SweepOutcome(SweepOutcome.Status.FINISHED, done.get(), total, failed.get(),
                            failed.get() == 0 ? "finished " + total + " cells" : "finished " + total + " cells, " + failed.get() + " of them failed");
                }
            } catch (Throwable e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                outcome = new SweepOutcome(SweepOutcome.Status.FAILED, done.get(), total, failed.get(), why);
            }
            try {
                summary.close();
            } catch (IOException e) {
                outcome = new SweepOutcome(SweepOutcome.Status.FAILED, done.get(), total, failed.get(),
                        "cannot write " + SummaryFile.FILE + ": " + e.getMessage());
            } finally {
                lock.close();
            }
            try {
                listener.onEnded(outcome);
            } finally {
                ended.complete(outcome);
            }
        }

        @Override
        public Path sweepDir() {
            return dir;
        }

        @Override
        public void started(SweepCell cell) {
            listener.onCellStarted(cell);
        }

        @Override
        public void finishedInPlace(SweepRow row) {
            if (row.status().equals(RunStatus.CANCELLED.json())) {
                return; // unfinished: no row, so that a resume runs it again
            }
            try {
                summary.append(row);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + SummaryFile.FILE + ": " + e.getMessage(), e);
            }
            if (row.status().equals(RunStatus.FAILED.json())) {
                failed.incrementAndGet();
            }
            listener.onCellFinished(row, done.incrementAndGet(), grid.cells().size());
        }

        @Override
        public void finishedRemotely(SweepRow row, Map<String, byte[]> files) throws IOException {
            if (row.status().equals(RunStatus.CANCELLED.json())) {
                return;
            }
            writeCellFolder(cellFolder(dir, grid.cell(row.cell())), files);
            finishedInPlace(row);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            backend.cancel();
        }

        @Override
        public SweepOutcome await() throws InterruptedException {
            try {
                return ended.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** A cell's files written beside its place, then moved there whole (replacing an unfinished run's folder). */
    static void writeCellFolder(Path folder, Map<String, byte[]> files) throws IOException {
        Path parent = folder.getParent();
        Files.createDirectories(parent);
        Path part = parent.resolve("." + folder.getFileName() + ".part");
        deleteTree(part);
        Files.createDirectories(part);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = part.resolve(f.getKey()).normalize();
            if (!target.startsWith(part) || target.equals(part)) {
                throw new IOException("a cell's file " + f.getKey() + " lies outside its folder");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        deleteTree(folder);
        Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
