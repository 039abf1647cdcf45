package lrwb.engine.cli;

/** Input the user can fix: the CLI prints the message on one line and exits with 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
