package lrwb.engine.run;

import java.util.List;

/**
 * The one place where the files of a run folder and their CSV headers are spelled (DESIGN.md "Files on disk";
 * specs/lr-finder.md and cli.md list them). Writers, readers and the app's export names all use these.
 */
public final class RunFiles {
    public static final String RUN_JSON = "run.json";
    public static final String RANGE = "range.csv";
    public static final String SUGGESTIONS = "suggestions.json";
    public static final String ITERATIONS = "iterations.csv";
    public static final String EPOCHS = "epochs.csv";
    public static final String EVENTS = "events.csv";
    /** A training run's network after its latest epoch (DL4J's ModelSerializer zip, updater state included). */
    public static final String MODEL = lrwb.engine.model.SavedRunModel.FILE_NAME;
    /** A 2-D training run's parameters after each epoch (binary, appended per epoch): its decision boundary's replay. */
    public static final String EPOCH_PARAMETERS = "epoch-params.bin";
    /** Held (an OS file lock) by the one process that writes the folder; removed when it is done. */
    public static final String LOCK = "run.lock";

    public static final String RANGE_HEADER = "iteration,lr,loss,smoothed_loss";
    public static final String ITERATIONS_HEADER = "iteration,epoch,lr,loss";
    public static final String EPOCHS_HEADER = "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds";
    public static final String EVENTS_HEADER = "iteration,epoch,kind,lr,message";

    private RunFiles() {
    }

    /** Every file a run writes: what makes a folder a run folder, and what --overwrite replaces. */
    /**
     * Whether {@code name} is the hidden temporary file of a record file's atomic write ({@code .model.zip123.tmp},
     * see AtomicFile) that a killed process left behind: nothing can remove it after SIGKILL; the record file itself
     * is whole (the old one or the new one). Replacing the run ({@code --overwrite}) removes it.
     */
    public static boolean isLeftoverTemp(String name) {
        if (!name.startsWith(".") || !name.endsWith(".tmp")) {
            return false;
        }
        for (String file : recordFiles()) {
            if (name.startsWith("." + file)) {
                return true;
            }
        }
        return false;
    }

    public static List<String> recordFiles() {
        return List.of(RUN_JSON, RANGE, SUGGESTIONS, ITERATIONS, EPOCHS, EVENTS, MODEL, EPOCH_PARAMETERS);
    }

    /** The CSV headers, for tests that check nobody else spells them. */
    public static List<String> csvHeaders() {
        return List.of(RANGE_HEADER, ITERATIONS_HEADER, EPOCHS_HEADER, EVENTS_HEADER);
    }
}
