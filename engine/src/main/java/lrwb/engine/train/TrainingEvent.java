package lrwb.engine.train;

/**
 * Something that happened to a training job besides metrics: where it happened and, for the ones a
 * person should read, a sentence.
 *
 * @param lr the LR after the event (the new LR for an override or plateau reduction), NaN when not relevant
 */
public record TrainingEvent(Kind kind, long iteration, int epoch, double lr, String message) {

    public enum Kind {
        STARTED, PAUSED, RESUMED, LR_OVERRIDDEN, LR_OVERRIDE_CLEARED, PLATEAU_REDUCTION,
        FINISHED, CANCELLED, DIVERGED, FAILED;

        /** Whether the job has ended with this event. */
        public boolean isTerminal() {
            return this == FINISHED || this == CANCELLED || this == DIVERGED || this == FAILED;
        }
    }
}
