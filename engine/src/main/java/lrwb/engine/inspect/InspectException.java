package lrwb.engine.inspect;

/**
 * A run folder, an option or a network that cannot be inspected: the message is the whole user-facing sentence
 * (e.g. {@code run/: a range test folder; inspect reads training runs}). The CLI prints it and exits 2; the app
 * shows it next to the run.
 */
public final class InspectException extends RuntimeException {
    public InspectException(String message) {
        super(message);
    }
}
