package lrwb.engine.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A metrics CSV that is appended to while a job runs and flushed at least every {@link #FLUSH_MILLIS}
 * (and on {@link #flush()}/{@link #close()}), so a killed process loses at most the last moment.
 * Numbers are written in full double precision. Used by one thread at a time.
 */
public final class CsvLog implements Closeable {
    static final long FLUSH_MILLIS = 250;
    /** Held rows are flushed before they reach this many characters, well inside the writer's 8192-char buffer. */
    static final int HOLD_LIMIT_CHARS = 4096;

    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(96);
    private long lastFlush = System.nanoTime();
    private int held;

    private CsvLog(BufferedWriter out) {
        this.out = out;
    }

    /** Creates (or truncates) the file and writes the header line. */
    public static CsvLog create(Path file, String header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        CsvLog log = new CsvLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        log.out.write(header);
        log.out.write('\n');
        log.out.flush();
        return log;
    }

    /** Appends one row; values are numbers (written as Java writes them, round-trippable) or text. */
    public void append(Object... values) throws IOException {
        hold(values);
        long now = System.nanoTime();
        if (now - lastFlush >= FLUSH_MILLIS * 1_000_000) {
            flush();
        }
    }

    /**
     * Appends one row that stays in memory until {@link #flushIfDue} or {@link #flush}: for a file whose rows must
     * not reach the disk before another file's (an epoch row before its iterations).
     */
    public void hold(Object... values) throws IOException {
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

    /** Whether {@link #flushIfDue} would flush: the last flush is {@link #FLUSH_MILLIS} old, or much is held. */
    public boolean isFlushDue() {
        return System.nanoTime() - lastFlush >= FLUSH_MILLIS * 1_000_000 || held >= HOLD_LIMIT_CHARS;
    }

    /** Flushes when {@link #isFlushDue}: for calls that come too often to flush every time. */
    public void flushIfDue() throws IOException {
        if (isFlushDue()) {
            flush();
        }
    }

    public void flush() throws IOException {
        out.flush();
        lastFlush = System.nanoTime();
        held = 0;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
