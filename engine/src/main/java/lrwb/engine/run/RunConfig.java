package lrwb.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import lrwb.engine.data.DataOptions;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.train.TrainingRequest;

/**
 * What a recorded run ran, as the engine's own request: exactly one of {@link #rangeTest()} and
 * {@link #training()} is set, or neither when run.json's configuration could not be read (the record's problems
 * say why). The plan values are 0 when unknown (a run that ended before its data had loaded).
 */
public record RunConfig(RangeTestRequest rangeTest, TrainingRequest training, int stepsPerEpoch, int trainSize,
                        int validationSize) {
    static final RunConfig UNKNOWN = new RunConfig(null, null, 0, 0, 0);

    /** Reads run.json's {@code config}; throws IllegalArgumentException naming what is wrong. */
    static RunConfig read(RunKind kind, JsonNode config) {
        int steps = config.path("stepsPerEpoch").asInt(0);
        int train = config.path("trainSize").asInt(0);
        int validation = config.path("validationSize").asInt(0);
        return kind == RunKind.RANGE_TEST
                ? new RunConfig(RangeTestRequest.fromJson(config), null, steps, train, validation)
                : new RunConfig(null, TrainingRequest.fromJson(config), steps, train, validation);
    }

    public boolean isKnown() {
        return rangeTest != null || training != null;
    }

    /** The data options, or null when unknown. */
    public DataOptions data() {
        return rangeTest != null ? rangeTest.data() : training != null ? training.data() : null;
    }

    public ModelSpec model() {
        return rangeTest != null ? rangeTest.model() : training != null ? training.model() : null;
    }

    public OptimizerSpec optimizer() {
        return rangeTest != null ? rangeTest.optimizer() : training != null ? training.optimizer() : null;
    }

    /** 0 when unknown. */
    public int batchSize() {
        return rangeTest != null ? rangeTest.batchSize() : training != null ? training.batchSize() : 0;
    }
}
