package lrwb.engine.train;

import java.util.List;

/**
 * What a job is about to do, known once its data is loaded: for progress bars and ETA.
 *
 * @param modelNotes what was done to the network to fit the run, one line each (e.g. a replaced output layer)
 */
public record TrainingPlan(String datasetName, int trainSize, int validationSize, int stepsPerEpoch, int epochs,
                           List<String> modelNotes) {
    public TrainingPlan {
        modelNotes = List.copyOf(modelNotes);
    }

    public long totalIterations() {
        return (long) stepsPerEpoch * epochs;
    }
}
