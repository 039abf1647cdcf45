package lrwb.engine.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a run folder: an OS lock on {@code run.lock} in the folder, held while a process writes the
 * run. The OS releases it when the process dies however it dies, so a stale lock file never blocks anyone; a
 * second writer (another process, or this one) is refused with the holder's PID.
 * <p>
 * Within this process a folder is also claimed in {@link #CLAIMED} before its lock file is opened: the OS lock is a
 * POSIX record lock, which closing <em>any</em> channel of the process on that file lets go of, so a second look
 * at a folder this process writes (another run of the app, a sweep) must never open the file.
 */
final class RunFolderLock implements AutoCloseable {
    /** The folders (real paths) whose lock file a channel of this process has open. */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private RunFolderLock(Path key, Path file, FileChannel channel, FileLock lock) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or refuses with who holds it. */
    static RunFolderLock acquire(Path dir) throws IOException {
        Path key = claimInProcess(dir);
        Path file = dir.resolve(RunFiles.LOCK);
        try {
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + ": permission denied (its "
                        + RunFiles.LOCK + " cannot be written)");
            } catch (java.nio.file.FileSystemException e) {
                throw new RunRefusedException(RunRefusedException.Field.OUT, "out " + dir + ": cannot write its " + RunFiles.LOCK
                        + " (" + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw writtenByThisProcess(dir);
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
            return new RunFolderLock(key, file, channel, lock);
        } catch (IOException | RuntimeException e) {
            CLAIMED.remove(key);
            throw e;
        }
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
        Path key = claimInProcess(dir);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw writtenByThisProcess(dir);
            }
            if (lock == null) {
                throw beingWritten(dir, holder(channel));
            }
            lock.release();
        } catch (NoSuchFileException e) {
            // its writer just let go of it
        } finally {
            CLAIMED.remove(key);
        }
    }

    /** Marks the folder as this process's to open, or refuses when a run of this process has it. */
    private static Path claimInProcess(Path dir) throws IOException {
        Path key = dir.toRealPath();
        if (!CLAIMED.add(key)) {
            throw writtenByThisProcess(dir);
        }
        return key;
    }

    private static RunRefusedException writtenByThisProcess(Path dir) {
        return new RunRefusedException(RunRefusedException.Field.OUT,
                "out " + dir + " is being written by another run of this program: choose another folder");
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

    /** Removes the lock file, then lets go of the lock: the folder is free. Only the first call counts. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
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
        } finally {
            CLAIMED.remove(key);
        }
    }
}
