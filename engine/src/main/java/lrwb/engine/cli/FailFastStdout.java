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
 * Nothing is retried: the first failure ends the command.
 */
final class FailFastStdout extends Writer {
    /** Reported instead of the IOException a PrintStream swallowed, which it does not keep. */
    private static final String HIDDEN_REASON = "write error: the disk may be full or the reader closed the pipe";

    private final Writer sink;
    private StdoutFailure failure;

    FailFastStdout(OutputStream out) {
        this.sink = new OutputStreamWriter(out instanceof PrintStream p ? new Checked(p) : out, StandardCharsets.UTF_8);
    }

    /** A PrintStream that throws the error it would have swallowed, at the first failed write, so the encoder stops there. */
    private static final class Checked extends OutputStream {
        private final PrintStream out;

        Checked(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        // checkError() flushes the PrintStream, so the bytes written so far have reached the stream below it
        private void check() throws IOException {
            if (out.checkError()) {
                throw new IOException(HIDDEN_REASON);
            }
        }
    }

    @Override
    public void write(char[] chars, int off, int len) {
        requireNoFailure();
        try {
            sink.write(chars, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        requireNoFailure();
        try {
            sink.write(s, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void flush() {
        requireNoFailure();
        try {
            sink.flush();
        } catch (IOException e) {
            throw fail(e);
        }
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

    private StdoutFailure fail(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failure = new StdoutFailure(reason, e);
        return failure;
    }
}
