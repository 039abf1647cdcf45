package lrwb.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A claimed run folder while its run is recorded: run.json kept true (running, then its final status) and the
 * folder's lock, let go of once the record is complete. When the disk has filled up mid-run, the final run.json
 * is written over the old one in place: the file's block is already allocated, so that needs no free space.
 */
final class RecordFolder {
    private final Path dir;
    private final RunFolderLock lock;
    private RunInfo info;
    private boolean ended;

    private RecordFolder(Path dir, RunFolderLock lock, RunInfo info) {
        this.dir = dir;
        this.lock = lock;
        this.info = info;
    }

    /** Writes run.json (status running); on failure the lock is let go of. */
    static RecordFolder start(RunTarget.Claimed claimed, RunKind kind, String name, ObjectNode config) throws IOException {
        try {
            RecordFolder folder = new RecordFolder(claimed.dir(), claimed.lock(), RunInfo.started(kind, name, config));
            folder.info.writeTo(claimed.dir());
            return folder;
        } catch (IOException | RuntimeException e) {
            claimed.lock().close();
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    /** The configuration as run.json records it; changes are written by {@link #rewrite}. */
    ObjectNode config() {
        return info.config();
    }

    void rewrite() throws IOException {
        info.writeTo(dir);
    }

    /**
     * Writes the final status (in place when the disk is full) and lets go of the folder.
     * Only the first call counts.
     *
     * @throws IOException when even the final run.json could not be written; the folder is let go of all the same
     */
    void end(RunStatus status, String message) throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        try {
            info = info.ended(status, message);
            try {
                info.writeTo(dir);
            } catch (IOException noSpace) {
                info.writeInPlace(dir);
            }
        } finally {
            lock.close();
        }
    }
}
