package lrwb.engine.train;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.ImageNormalization;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.layers.LayerStack;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the built-in {@code shapes} set is for (issue 16): a small convolutional network learns it, a dense network of
 * about as many parameters does not, because a shape may sit anywhere and be any colour. Both train through the
 * training job on one load of the data, side by side, with the same optimizer, LR, batches and epochs.
 */
class ShapesCnnBeatsMlpTest {
    private static final EngineContext ENGINE = EngineContext.create();
    /** Two 3×3 convolutions of 8 and 16 filters, each pooled 2×2, then 32 dense units: 9,748 parameters at 16×16×3. */
    static final String SMALL_CNN = "{\"layers\":["
            + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\",\"activation\":\"relu\"},"
            + "{\"type\":\"maxPool\",\"size\":2},"
            + "{\"type\":\"conv2d\",\"filters\":16,\"kernel\":3,\"padding\":\"same\",\"activation\":\"relu\"},"
            + "{\"type\":\"maxPool\",\"size\":2},"
            + "{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\"}]}";
    /** 768 inputs to 12 ReLU units: 9,280 parameters. */
    static final String SIMILAR_MLP = "mlp:12";
    static final int EPOCHS = 4;
    static final long SEED = 3;

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void aSmallCnnBeatsAnMlpOfItsSizeOnShapes() throws Exception {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        // 1,200 training and 300 validation images; standardised per channel, which the MLP needs to learn at all
        DataOptions data = DataOptions.of("shapes:samples=1500,size=16").withSeed(SEED).withNormalize(ImageNormalization.STANDARD);
        LoadedData shapes = Datasets.load(data);
        NetworkShape shape = NetworkShape.of(shapes);
        long cnnParams = LayerStack.parse(SMALL_CNN).totalParams(shape);
        long mlpParams = LayerStack.mlp(List.of(12)).totalParams(shape);
        assertThat(cnnParams).isEqualTo(9748);
        assertThat(mlpParams).isEqualTo(9280);

        Recording cnn = new Recording();
        Recording mlp = new Recording();
        TrainingJob cnnJob = new TrainingJob(request(data, SMALL_CNN), shapes, ENGINE).addListener(cnn).start();
        TrainingJob mlpJob = new TrainingJob(request(data, SIMILAR_MLP), shapes, ENGINE).addListener(mlp).start();
        assertThat(cnnJob.ended().get(60, TimeUnit.SECONDS).kind()).isEqualTo(TrainingEvent.Kind.FINISHED);
        assertThat(mlpJob.ended().get(60, TimeUnit.SECONDS).kind()).isEqualTo(TrainingEvent.Kind.FINISHED);
        double took = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;

        double cnnAccuracy = cnn.epochs.get(EPOCHS - 1).valAccuracy();
        double mlpAccuracy = mlp.epochs.get(EPOCHS - 1).valAccuracy();
        System.out.printf("shapes, %d epochs: cnn (%d params) %.3f, mlp (%d params) %.3f validation accuracy; %.1f s, "
                + "%.1f s of CPU time%n", EPOCHS, cnnParams, cnnAccuracy, mlpParams, mlpAccuracy, took, cpu);
        assertThat(cnn.plan.totalIterations()).isEqualTo(EPOCHS * 38); // 1,200 images in batches of 32
        assertThat(cnnAccuracy).as("the CNN's validation accuracy").isGreaterThanOrEqualTo(0.8);
        assertThat(mlpAccuracy).as("the MLP's validation accuracy").isGreaterThan(0.4) // it learns something ...
                .isLessThanOrEqualTo(cnnAccuracy - 0.15); // ... but far less
    }

    /** The CPU time of this JVM, every thread: what the test costs a machine, whatever else runs on it. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static TrainingRequest request(DataOptions data, String model) {
        return new TrainingRequest(data, ModelSpec.parse(model), OptimizerSpec.parse("adam"), new ConstantSchedule(0.01),
                EPOCHS, 32, SEED, null);
    }
}
