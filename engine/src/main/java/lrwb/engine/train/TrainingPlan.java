package lrwb.engine.train;

/** What a job is about to do, known once its data is loaded: for progress bars and ETA. */
public record TrainingPlan(String datasetName, int trainSize, int validationSize, int stepsPerEpoch, int epochs) {
    public long totalIterations() {
        return (long) stepsPerEpoch * epochs;
    }
}
