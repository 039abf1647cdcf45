package lrwb.engine.sweep;

import lrwb.engine.run.RunRefusedException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one writer of a sweep folder: an OS lock on {@code DIR/sweep.lock} while a sweep runs there (the OS lets go of
 * it when the process dies, however it dies). Only this class opens that file, so the POSIX rule that closing any
 * channel on a file drops the process's lock cannot bite.
 */
final class SweepLock implements AutoCloseable {
    static final String FILE = "sweep.lock";
    /** The folders this process holds the lock of: asking the OS about those would drop the lock (see above). */
    private static final java.util.Set<Path> HELD_HERE = new java.util.HashSet<>();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static synchronized SweepLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir
                    + " is being written by another sweep right now: wait for it, or choose another folder");
        }
        HELD_HERE.add(key(dir));
        return new SweepLock(file, channel, lock);
    }

    /**
     * Whether a sweep runs in {@code dir} right now, in this process or another (the Runs list shows it as running).
     * Another process's lock is tested by taking it for a moment; ours is never touched, as closing a channel on the
     * file would drop it.
     */
    static synchronized boolean isHeld(Path dir) {
        if (HELD_HERE.contains(key(dir))) {
            return true;
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false; // the runner deletes it on closing: only a killed sweep leaves one behind
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // a lock file that cannot even be opened guards nothing
        }
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        synchronized (SweepLock.class) {
            HELD_HERE.remove(key(file.getParent()));
        }
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a lock file left behind blocks nobody: its lock died with the channel
        }
    }
}
