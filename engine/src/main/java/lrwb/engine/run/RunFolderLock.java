package lrwb.engine.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one writer of a run folder: an OS lock on {@code run.lock} in the folder, held while a process writes the
 * run. The OS releases it when the process dies however it dies, so a stale lock file never blocks anyone; a
 * second writer (another process, or this one) is refused with the holder's PID.
 */
final class RunFolderLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or refuses with who holds it. */
    static RunFolderLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new RunRefusedException(RunRefusedException.Field.OUT,
                    "out " + dir + " is being written by another run of this program: choose another folder");
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw beingWritten(dir, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new RunFolderLock(file, channel, lock);
    }

    /**
     * Refuses, as {@link #acquire} would, when another run holds the folder's lock; takes nothing and creates
     * nothing (a folder without a lock file is free).
     */
    static void checkFree(Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.LOCK);
        if (!Files.exists(file)) {
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // its writer just let go of it
        }
        try (channel) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT,
                        "out " + dir + " is being written by another run of this program: choose another folder");
            }
            if (lock == null) {
                throw beingWritten(dir, holder(channel));
            }
            lock.release();
        }
    }

    private static RunRefusedException beingWritten(Path dir, String holder) {
        return new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + " is being written by "
                + (holder.isEmpty() ? "another process" : "process " + holder) + ": choose another folder, or wait until it ends");
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Removes the lock file, then lets go of the lock: the folder is free. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a lock file left behind is harmless: nobody holds its lock
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
