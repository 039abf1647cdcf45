package lrwb.engine.finder;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The val loss: the mean cross-entropy of the first K batches' worth of the validation split, after each update. */
class ValidationLossTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void isTheMeanCrossEntropyOfTheFirstKBatchesOfTheValidationSplit() {
        LoadedData data = Datasets.load(DataOptions.of("iris"));
        assertThat(data.validationSize()).isEqualTo(30);
        // batch 2: K·batch = 16 of the 30 validation examples
        ValidationLoss loss = new ValidationLoss(data.validation(), 2);
        assertThat(loss.examples()).isEqualTo(ValidationLoss.MAX_BATCHES * 2);
        Network net = Networks.network(ModelSpec.parse("mlp:64,32"), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.1),
                NetworkShape.of(data), 42, EngineTuning.defaults());
        // (to float rounding: a forward pass of 16 rows and one of 30 sum in different orders)
        assertThat(loss.after(net)).isCloseTo(crossEntropy(net, data.validation(), 16), within(1e-6))
                .isNotCloseTo(crossEntropy(net, data.validation(), 30), within(1e-6));
        // a whole split when it is smaller than K batches
        assertThat(new ValidationLoss(data.validation(), 16).after(net)).isCloseTo(crossEntropy(net, data.validation(), 30), within(1e-6));
    }

    @Test
    void dataWithoutAValidationSplitIsRefused() {
        RangeTestConfig config = RangeTestConfig.defaults().withLossSource(LossSource.VAL);
        LoadedData iris = Datasets.load(DataOptions.of("iris"));
        LoadedData noValidation = new LoadedData("iris", iris.train(), new DataSet(), iris.numFeatures(), iris.numClasses(),
                iris.classNames(), null);
        assertThat(noValidation.validationSize()).isZero();
        assertThatThrownBy(() -> RangeTestJob.prepare(new RangeTestRequest(DataOptions.of("iris"),
                ModelSpec.parse("mlp:64,32"), OptimizerSpec.parse("sgd"), 16, config), noValidation, ENGINE))
                .hasMessage(RangeTestJob.NO_VALIDATION);
    }

    private static double crossEntropy(Network net, DataSet split, int rows) {
        INDArray p = net.output(split.getFeatures()).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, rows),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray y = split.getLabels();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < y.columns(); c++) {
                if (y.getDouble(r, c) != 0) {
                    sum -= y.getDouble(r, c) * Math.log(p.getFloat(r, c));
                }
            }
        }
        return sum / rows;
    }
}
