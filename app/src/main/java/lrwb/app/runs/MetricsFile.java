package lrwb.app.runs;

import lrwb.engine.run.RunFiles;

import java.util.List;

/** The metrics a run folder holds as CSV, any of which can be exported as it is. */
public enum MetricsFile {
    EPOCHS(RunFiles.EPOCHS, "Epochs: train/validation loss and accuracy"),
    ITERATIONS(RunFiles.ITERATIONS, "Iterations: LR and loss of every update"),
    RANGE(RunFiles.RANGE, "Range test: LR, loss and smoothed loss");

    private final String fileName;
    private final String label;

    MetricsFile(String fileName, String label) {
        this.fileName = fileName;
        this.label = label;
    }

    public String fileName() {
        return fileName;
    }

    public String label() {
        return label;
    }

    /** What a run of this row's kind has; none for a sweep (the Sweeps workspace exports its summary). */
    public static List<MetricsFile> of(RunRow row) {
        return row.isSweep() ? List.of() : row.isRangeTest() ? List.of(RANGE) : List.of(EPOCHS, ITERATIONS);
    }
}
