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
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static SweepLock acquire(Path dir) throws IOException {
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
        return new SweepLock(file, channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a lock file left behind blocks nobody: its lock died with the channel
        }
    }
}
