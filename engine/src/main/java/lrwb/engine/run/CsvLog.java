package lrwb.engine.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A metrics CSV that is appended to while a job runs and flushed at least every {@link #FLUSH_MILLIS}
 * (and on {@link #flush()}/{@link #close()}), so a killed process loses at most the last moment.
 * Numbers are written in full double precision. The job's thread appends; the run service's flusher may
 * flush from another thread, so every method takes the log's lock (uncontended almost always: a few ns).
 */
final class CsvLog implements Closeable {
    static final long FLUSH_MILLIS = 250;
    /** Held rows are flushed before they reach this many characters, well inside the writer's 8192-char buffer. */
    static final int HOLD_LIMIT_CHARS = 4096;

    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(96);
    private long lastFlush = System.nanoTime();
    private int held;
    private boolean closed;

    private CsvLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Creates (or truncates) the file and writes the header line. */
    static CsvLog create(Path file, String header) throws IOException {
        CsvLog log = new CsvLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        log.out.write(header);
        log.out.write('\n');
        log.out.flush();
        return log;
    }

    Path file() {
        return file;
    }

    /** Appends one row; values are numbers (written as Java writes them, round-trippable) or text. */
    synchronized void append(Object... values) throws IOException {
        hold(values);
        if (System.nanoTime() - lastFlush >= FLUSH_MILLIS * 1_000_000) {
            flush();
        }
    }

    /**
     * Appends one row that stays in memory until {@link #flushIfDue} or {@link #flush}: for a file whose rows must
     * not reach the disk before another file's (an epoch row before its iterations).
     */
    synchronized void hold(Object... values) throws IOException {
        row.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(values[i]);
        }
        row.append('\n');
        out.append(row);
        held += row.length();
    }

    /** Whether {@link #flushIfDue} would flush: rows are held and the last flush is {@link #FLUSH_MILLIS} old, or much is held. */
    synchronized boolean isFlushDue() {
        return held > 0 && (System.nanoTime() - lastFlush >= FLUSH_MILLIS * 1_000_000 || held >= HOLD_LIMIT_CHARS);
    }

    /** Whether rows wait in memory. */
    synchronized boolean hasHeldRows() {
        return held > 0;
    }

    synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        out.flush();
        lastFlush = System.nanoTime();
        held = 0;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /**
     * After a failed write (a full disk): closes without complaint and cuts the file back to its last complete
     * line, so no half row is left behind.
     */
    synchronized void closeAfterFailure() {
        try {
            close();
        } catch (IOException e) {
            // the buffered rows cannot be written: what is on disk is what stays
        }
        try {
            truncateToLastNewline(file);
        } catch (IOException e) {
            // the reader drops an unfinished last line anyway
        }
    }

    static void truncateToLastNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            while (end > 0) {
                long start = Math.max(0, end - chunk.capacity());
                chunk.clear().limit((int) (end - start));
                channel.read(chunk, start);
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        channel.truncate(start + i + 1);
                        return;
                    }
                }
                end = start;
            }
            channel.truncate(0);
        }
    }
}
