package lrwb.engine.run;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
    /** A held row this old is written out: by the next append, or by the flusher, whose next round would be too late. */
    static final long DUE_MILLIS = FLUSH_MILLIS - RecordFlusher.PERIOD_MILLIS;
    /** Held rows are flushed before they reach this many characters, well inside the writer's 8192-char buffer. */
    static final int HOLD_LIMIT_CHARS = 4096;

    private final Path file;
    /** The file itself, under {@link #out}'s buffers: closed alone, what is held is dropped, not written. */
    private final OutputStream raw;
    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(96);
    private long lastFlush = System.nanoTime();
    /** When the oldest held row was appended. */
    private long heldSince;
    private int held;
    private boolean closed;

    private CsvLog(Path file, OutputStream raw) {
        this.file = file;
        this.raw = raw;
        this.out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8.newEncoder()));
    }

    /** Creates (or truncates) the file and writes the header line. */
    static CsvLog create(Path file, String header) throws IOException {
        CsvLog log = new CsvLog(file, Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        log.out.write(header);
        log.out.write('\n');
        log.out.flush();
        return log;
    }

    Path file() {
        return file;
    }

    /**
     * Appends one row; values are numbers (the shortest text that reads back as the same value) or text. Flushes when the
     * oldest held row is {@link #DUE_MILLIS} old: a job that keeps appending keeps every row well inside
     * {@link #FLUSH_MILLIS} without the flusher's help (its thread may wait for a core on a busy machine).
     */
    synchronized void append(Object... values) throws IOException {
        hold(values);
        long now = System.nanoTime();
        // also before the writer's buffer would spill a half row to the disk on its own
        if (held >= HOLD_LIMIT_CHARS || now - heldSince >= DUE_MILLIS * 1_000_000 || now - lastFlush >= FLUSH_MILLIS * 1_000_000) {
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
            append(values[i]);
        }
        row.append('\n');
        out.append(row);
        if (held == 0) {
            heldSince = System.nanoTime();
        }
        held += row.length();
    }

    /**
     * A number as the shortest text that reads back as the same value (Schubfach, the algorithm of Java 19's
     * {@code Double.toString}): Java 17's own takes twice as long, a share of a small network's update, and now and
     * then writes a digit more for the same double.
     */
    private void append(Object value) {
        if (value instanceof Double d) {
            row.append(NumberOutput.toString(d, true));
        } else if (value instanceof Float f) {
            row.append(NumberOutput.toString(f, true));
        } else {
            row.append(value);
        }
    }

    /**
     * Whether the run service's flusher should flush now: rows are held and the oldest is so old that the flusher's
     * next round ({@link RecordFlusher#PERIOD_MILLIS} later) would find it past {@link #FLUSH_MILLIS}, or much is
     * held. So no row waits longer than {@link #FLUSH_MILLIS} for the disk, appended to or not.
     */
    synchronized boolean isFlushDue() {
        long now = System.nanoTime();
        return held > 0 && (now - heldSince >= DUE_MILLIS * 1_000_000
                || now - lastFlush >= FLUSH_MILLIS * 1_000_000 || held >= HOLD_LIMIT_CHARS);
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
     * After a failed write (a full disk), this file's or another's of the run: closes without complaint and
     * without writing the rows still held (an epoch row must not reach the disk when its iterations could not),
     * then cuts the file back to its last complete line, so no half row is left behind.
     */
    synchronized void closeAfterFailure() {
        closed = true;
        held = 0;
        try {
            raw.close(); // the buffers above it are dropped unwritten
        } catch (IOException e) {
            // what is on disk is what stays
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
