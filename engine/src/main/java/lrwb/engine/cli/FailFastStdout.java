package lrwb.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Stdout as a {@link Writer} that throws {@link StdoutFailure} at the first write error and at every write
 * after it. A {@link PrintStream} (and the PrintWriter picocli uses) swallows write errors, so {@code lrwb
 * schedule > /dev/full} used to exit 0 with nothing written, and {@code | head -3} kept computing a billion
 * rows into a closed pipe. With a PrintStream the error is only visible through {@link PrintStream#checkError()},
 * so it is asked after each write; any other stream reports its {@link IOException} itself, with the reason.
 */
final class FailFastStdout extends Writer {
    private final Writer sink;
    private final PrintStream printStream;
    private StdoutFailure failure;

    FailFastStdout(OutputStream out) {
        this.sink = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printStream = out instanceof PrintStream p ? p : null;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        requireNoFailure();
        try {
            sink.write(chars, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
        checkPrintStream();
    }

    @Override
    public void write(String s, int off, int len) {
        requireNoFailure();
        try {
            sink.write(s, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
        checkPrintStream();
    }

    @Override
    public void flush() {
        requireNoFailure();
        try {
            sink.flush();
        } catch (IOException e) {
            throw fail(e);
        }
        checkPrintStream();
    }

    /** Stdout belongs to the caller: flushed, never closed. */
    @Override
    public void close() {
        flush();
    }

    /** Whether a write has failed; after that, every write throws again. */
    boolean failed() {
        return failure != null;
    }

    private void requireNoFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void checkPrintStream() {
        // checkError() flushes the PrintStream, so the bytes written so far have reached the stream below it
        if (printStream != null && printStream.checkError()) {
            throw fail(null);
        }
    }

    private StdoutFailure fail(IOException e) {
        String reason = e == null ? "write error: the disk may be full or the reader closed the pipe"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failure = new StdoutFailure(reason, e);
        return failure;
    }
}
