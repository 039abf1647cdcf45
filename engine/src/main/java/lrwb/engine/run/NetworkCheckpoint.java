package lrwb.engine.run;

import lrwb.engine.model.Network;
import lrwb.engine.model.SavedNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps a training run's {@code model.zip} up to date: at each epoch's end the job's thread copies the network
 * ({@link SavedNetwork#of}, a few array copies, or {@link SavedNetwork#retakeFrom} into the copy still waiting) and another thread writes the zip atomically (temp file, then move),
 * so {@code run:DIR} always finds a complete network and the job does not wait for the disk. Writes start at most
 * every {@link #WRITE_INTERVAL_MILLIS}, as the metrics files are flushed: epochs that end sooner (a tiny net on a tiny
 * set ends one every millisecond) leave their copy waiting, a newer copy replaces it, and the run service's flusher
 * ({@link #writeIfDue}) or the next epoch's end writes it once the interval has passed. So the file lags the last
 * finished epoch by about that interval at most, and after {@link #awaitWritten} it holds the last epoch's network.
 * With {@link NetworkSaving#AT_END} (sweep cells) only the last epoch's copy is written, by {@link #awaitWritten}.
 */
final class NetworkCheckpoint {
    static final long WRITE_INTERVAL_MILLIS = CsvLog.FLUSH_MILLIS;

    private final Path zip;
    private final Executor writer;
    private final NetworkSaving saving;
    private SavedNetwork waiting;
    /** A write task is queued or running on the writer. */
    private boolean writing;
    /** A copy is being written, by the writer or by {@link #awaitWritten}: one at a time, so the newest lands last. */
    private boolean inProgress;
    private IOException failure;
    /** When the last write was taken up (or the checkpoint made): the next may start {@link #WRITE_INTERVAL_MILLIS} later. */
    private long lastWriteStarted = System.nanoTime();

    NetworkCheckpoint(Path zip, Executor writer, NetworkSaving saving) {
        this.zip = zip;
        this.writer = writer;
        this.saving = saving;
    }

    /**
     * On the job's thread, after an epoch's last update.
     *
     * @throws IOException the first write that failed (a full disk): the run cannot keep its network
     */
    void epochEnded(Network net) throws IOException {
        SavedNetwork copy;
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            copy = waiting; // no writer has taken it: ours to take again, outside the lock (the flusher waits on it)
            waiting = null;
        }
        // Taken again in place: an epoch of a small set ends every fraction of a millisecond, and a new copy each time
        // was native arrays for ND4J's deallocator to free.
        if (copy == null || !retake(copy, net)) {
            copy = SavedNetwork.of(net);
        }
        synchronized (this) {
            waiting = copy;
            if (writing || saving == NetworkSaving.AT_END || !due()) {
                return;
            }
            writing = true;
        }
        submit();
    }

    /** {@code copy} taken again from {@code net}; false when it cannot be, or failed half-way (then a new one is made). */
    private static boolean retake(SavedNetwork copy, Network net) {
        try {
            return copy.retakeFrom(net);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** From the run service's flusher: starts writing the copy that waits, once the interval since the last write has passed. */
    void writeIfDue() {
        synchronized (this) {
            if (waiting == null || writing || failure != null || saving == NetworkSaving.AT_END || !due()) {
                return;
            }
            writing = true;
        }
        submit();
    }

    private boolean due() {
        return System.nanoTime() - lastWriteStarted >= WRITE_INTERVAL_MILLIS * 1_000_000;
    }

    private void submit() {
        try {
            writer.execute(this::writeWaiting);
        } catch (RejectedExecutionException e) { // the service is closing: write it here rather than not at all
            writeWaiting();
        }
    }

    /** The writer's task: writes the copy that waits, one; a newer copy waits for the next due write. */
    private void writeWaiting() {
        SavedNetwork next;
        synchronized (this) {
            while (inProgress) { // the job's thread is writing the last copy itself (awaitWritten)
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            next = inProgress ? null : take();
        }
        if (next != null) {
            write(next);
        }
        synchronized (this) {
            writing = false;
            notifyAll();
        }
    }

    /** The copy to write next, marked in progress; null when there is none or an earlier write failed. */
    private SavedNetwork take() {
        SavedNetwork next = failure == null ? waiting : null;
        waiting = null;
        inProgress = next != null;
        if (inProgress) {
            lastWriteStarted = System.nanoTime();
        }
        return next;
    }

    private void write(SavedNetwork next) {
        IOException failed = null;
        try {
            AtomicFile.write(zip, next::writeTo);
        } catch (IOException | RuntimeException e) {
            failed = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        synchronized (this) {
            if (failed != null && failure == null) {
                failure = failed;
            }
            inProgress = false;
            notifyAll();
        }
    }

    /**
     * Waits until the last copy handed over is on disk, writing it on the calling thread when the writer has not
     * taken it yet (on a busy machine the writer may wait milliseconds for a core); throws the first write that failed.
     */
    void awaitWritten() throws IOException, InterruptedException {
        while (true) {
            SavedNetwork next;
            synchronized (this) {
                while (inProgress) {
                    wait();
                }
                next = take();
                if (next == null) {
                    if (failure != null) {
                        throw failure;
                    }
                    return; // a write task still queued finds nothing left and ends
                }
            }
            write(next);
        }
    }
}
