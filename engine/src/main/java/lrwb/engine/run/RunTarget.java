package lrwb.engine.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Where a run is recorded: a fresh, named folder inside the workbench's runs folder (the app), or one folder the
 * user chose (the CLI's {@code --out}). Either way the folder is the run's alone: an existing run is never
 * overwritten unless asked for, and never while another process writes it.
 */
public sealed interface RunTarget {

    /** A new folder {@code <yyyyMMdd-HHmmss>-<kind>-<short name>} inside {@code runsDir}. */
    static RunTarget newFolderIn(Path runsDir) {
        return new NewFolder(runsDir);
    }

    /**
     * Exactly {@code dir}: created when missing; refused when it already holds a run, unless {@code overwrite},
     * which replaces that run's files (and nothing else in the folder).
     */
    static RunTarget folder(Path dir, boolean overwrite) {
        return new ChosenFolder(dir, overwrite);
    }

    record NewFolder(Path runsDir) implements RunTarget {
    }

    record ChosenFolder(Path dir, boolean overwrite) implements RunTarget {
    }

    /** Checks the target without creating anything: every refusal that needs no lock comes before any work. */
    default void check() {
        if (this instanceof ChosenFolder c) {
            checkPath(c.dir());
            if (Files.isDirectory(c.dir())) {
                try {
                    RunFolderLock.checkFree(c.dir()); // a live writer is named first, --overwrite or not
                } catch (IOException e) {
                    // an unreadable lock file: claiming it says what is wrong
                }
            }
            if (!c.overwrite() && holdsRun(c.dir())) {
                throw alreadyARun(c.dir());
            }
        }
    }

    /** Creates (or takes over) the folder and takes its lock. */
    default Claimed claim(RunKind kind, String shortName) throws IOException {
        if (this instanceof NewFolder n) {
            Path dir;
            try {
                dir = RunFolder.create(n.runsDir(), kind.json(), shortName, LocalDateTime.now());
            } catch (FileAlreadyExistsException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "the runs folder " + n.runsDir() + " cannot be made: "
                        + e.getFile() + " is a file, not a folder");
            } catch (FileSystemException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "the runs folder " + n.runsDir() + " cannot be made ("
                        + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
            }
            return new Claimed(dir, RunFolderLock.acquire(dir));
        }
        ChosenFolder c = (ChosenFolder) this;
        Path dir = c.dir();
        checkPath(dir);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + ": " + e.getFile() + " is a file, not a folder");
        } catch (FileSystemException e) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + ": cannot create the folder ("
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
        }
        RunFolderLock lock = RunFolderLock.acquire(dir);
        try {
            if (holdsRun(dir)) {
                if (!c.overwrite()) {
                    throw alreadyARun(dir);
                }
                for (String name : RunFiles.recordFiles()) {
                    Files.deleteIfExists(dir.resolve(name));
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> RunFiles.isLeftoverTemp(f.getFileName().toString()))) {
                    for (Path leftover : files) {
                        Files.deleteIfExists(leftover);
                    }
                }
            }
            return new Claimed(dir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A claimed folder and its lock, released when the run's record is complete. */
    record Claimed(Path dir, RunFolderLock lock) {
    }

    private static RunRefusedException alreadyARun(Path dir) {
        return new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir
                + " already holds a run record: choose another folder, or allow replacing it (--overwrite)");
    }

    /** Whether {@code dir} has any file a run writes. */
    static boolean holdsRun(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (RunFiles.recordFiles().contains(f.getFileName().toString())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true; // unreadable: treat as taken rather than risk overwriting it
        }
    }

    private static void checkPath(Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out must name a folder (got an empty path)");
        }
        // the nearest part of the path that exists must be a folder (--out FILE, or FILE/run)
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    Path shown = p.equals(dir.toAbsolutePath()) ? dir : p;
                    throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + ": " + shown + " is a file, not a folder");
                }
                break;
            }
        }
    }
}
