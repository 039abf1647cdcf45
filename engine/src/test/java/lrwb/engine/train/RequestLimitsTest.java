package lrwb.engine.train;

import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The limits the app's forms enforce live in the requests, so the CLI and every other caller get them too. */
class RequestLimitsTest {
    private static final DataOptions IRIS = DataOptions.of("iris");

    private static TrainingRequest training(int epochs, int batch) {
        return new TrainingRequest(IRIS, ModelSpec.parse("mlp:4"), OptimizerSpec.parse("sgd"), new ConstantSchedule(0.1),
                epochs, batch, 1, null);
    }

    @Test
    void theLimits() {
        assertThat(TrainingRequest.MAX_EPOCHS).isEqualTo(100_000);
        assertThat(TrainingRequest.MAX_BATCH_SIZE).isEqualTo(1_000_000).isEqualTo(RangeTestRequest.MAX_BATCH_SIZE);
        assertThatCode(() -> training(TrainingRequest.MAX_EPOCHS, TrainingRequest.MAX_BATCH_SIZE)).doesNotThrowAnyException();
    }

    @Test
    void epochsAboveTheLimit() {
        InvalidSpecException e = catchThrowableOfType(() -> training(100_001, 32), InvalidSpecException.class);
        assertThat(e.field()).isEqualTo("epochs");
        assertThat(e).hasMessage("epochs must be an integer in [1, 100000] (got 100001)");
    }

    @Test
    void batchAboveTheLimitInBothRequests() {
        InvalidSpecException e = catchThrowableOfType(() -> training(1, Integer.MAX_VALUE), InvalidSpecException.class);
        assertThat(e.field()).isEqualTo("batchSize");
        assertThat(e).hasMessage("batchSize must be an integer in [1, 1000000] (got 2147483647)");
        assertThat(catchThrowableOfType(() -> new RangeTestRequest(IRIS, ModelSpec.parse("mlp:4"), OptimizerSpec.parse("sgd"),
                1_000_001, RangeTestConfig.defaults()), InvalidSpecException.class))
                .hasMessage("batchSize must be an integer in [1, 1000000] (got 1000001)");
    }

    @Test
    void batchLargerThanTheLoadedTrainingSet() {
        LoadedData iris = Datasets.load(IRIS);
        assertThatCode(() -> iris.checkBatchSize(120)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(() -> iris.checkBatchSize(5000), DataException.class))
                .hasMessage("batchSize 5000 is larger than the training set (120 examples of iris); use 120 or less");
    }
}
