package lrwb.engine.run;

import lrwb.engine.model.Network;
import lrwb.engine.model.SavedNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps a training run's {@code model.zip} up to date: at each epoch's end the job's thread copies the network
 * ({@link SavedNetwork#of}, a few array copies) and another thread writes the zip atomically (temp file, then move),
 * so {@code run:DIR} always finds a complete network and the job does not wait for the disk. When epochs end faster
 * than a zip is written (a tiny net on a tiny set), a newer copy replaces the one still waiting: the file holds the
 * latest epoch the writer got to, and after {@link #awaitWritten} the last epoch's. With {@link NetworkSaving#AT_END}
 * only the last epoch's copy is written, by {@link #awaitWritten}.
 */
final class NetworkCheckpoint {
    private final Path zip;
    private final Executor writer;
    private final NetworkSaving saving;
    private SavedNetwork waiting;
    private boolean writing;
    private IOException failure;

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
        SavedNetwork copy = SavedNetwork.of(net);
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            waiting = copy;
            if (writing || saving == NetworkSaving.AT_END) {
                return;
            }
            writing = true;
        }
        try {
            writer.execute(this::writeWaiting);
        } catch (RejectedExecutionException e) { // the service is closing: write it here rather than not at all
            writeWaiting();
        }
    }

    private void writeWaiting() {
        while (true) {
            SavedNetwork next;
            synchronized (this) {
                next = waiting;
                waiting = null;
                if (next == null || failure != null) {
                    writing = false;
                    notifyAll();
                    return;
                }
            }
            try {
                AtomicFile.write(zip, next::writeTo);
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Waits until the last copy handed over is on disk (with {@link NetworkSaving#AT_END}, writes it on this thread);
     * throws the first write that failed.
     */
    void awaitWritten() throws IOException, InterruptedException {
        boolean writeHere;
        synchronized (this) {
            writeHere = saving == NetworkSaving.AT_END && waiting != null && !writing;
            if (writeHere) {
                writing = true;
            }
        }
        if (writeHere) {
            writeWaiting();
        }
        synchronized (this) {
            while (writing) {
                wait();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
