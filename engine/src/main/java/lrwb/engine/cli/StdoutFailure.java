package lrwb.engine.cli;

/**
 * Stdout could not be written (full disk, {@code /dev/full}, the reader closed the pipe): a failure, never
 * a success with a truncated CSV (cli.md). Unchecked so it passes through the {@link java.io.PrintWriter}
 * picocli writes with, which would otherwise swallow the {@link java.io.IOException}.
 */
final class StdoutFailure extends RuntimeException {
    StdoutFailure(String reason, Throwable cause) {
        super("cannot write to stdout (" + reason + "); stopped", cause);
    }
}
