package lrwb.engine.run;

/**
 * A run the service would not start, refused before anything was written: bad data, a model that does not fit
 * the data, a batch larger than the training set, an output folder that holds another run or is in use.
 * The message is the whole user-facing sentence, on one line, and {@link #field()} says which input it is about.
 */
public final class RunRefusedException extends RuntimeException {
    /** The input the refusal is about, for showing the message next to it. */
    public enum Field { DATA, MODEL, OPTIMIZER, BATCH_SIZE, SCHEDULE, SWEEP, OUT, OTHER }

    private final Field field;

    public RunRefusedException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
