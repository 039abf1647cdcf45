package lrwb.engine.train;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.ImageShape;
import lrwb.engine.data.LoadedData;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestJob;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.layers.LayerStack;
import lrwb.engine.model.Network;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cifar-cnn preset (32×32×3 images, 10 classes) through both engine paths, on random images: there is no
 * 3-channel dataset source yet, so the data is built here as a source would load it (flat NCHW rows, one-hot labels).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CifarCnnTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);
    private static final int CLASSES = 10;

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static DataSet randomImages(int n, long seed) {
        Random random = new Random(seed);
        float[][] pixels = new float[n][CIFAR.pixels()];
        float[][] labels = new float[n][CLASSES];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < CIFAR.pixels(); j++) {
                pixels[i][j] = random.nextFloat(); // scaled to [0, 1] as image sources do
            }
            labels[i][i % CLASSES] = 1f;
        }
        return new DataSet(Nd4j.create(pixels), Nd4j.create(labels));
    }

    private static LoadedData cifarLike() {
        List<String> names = IntStream.range(0, CLASSES).mapToObj(c -> "class" + c).toList();
        return new LoadedData("random-cifar", randomImages(16, 1), randomImages(8, 2), CIFAR.pixels(), CLASSES, names, CIFAR);
    }

    @Test
    void aRangeTestOnCifarCnnRecordsFiniteLossesAndRestoresTheNetworkBitForBit() {
        RangeTestRequest request = new RangeTestRequest(DataOptions.of("random-cifar"), ModelSpec.parse("cifar-cnn"),
                OptimizerSpec.parse("adam"), 8, RangeTestConfig.of(1e-5, 1e-2, 10, SweepMode.EXP).withDivergeFactor(1e9));
        RangeTestJob job = RangeTestJob.prepare(request, cifarLike(), ENGINE);
        Network net = job.network();
        INDArray params = net.params().dup();
        INDArray updater = net.updaterState().dup();
        assertThat(net.numParams()).as("the parameters of the preset's summary")
                .isEqualTo(LayerStack.preset("cifar-cnn").orElseThrow().totalParams(NetworkShape.of(job.data())));
        assertThat(net.output(job.data().validation().getFeatures()).shape()).containsExactly(8, CLASSES);
        List<RangePoint> points = new CopyOnWriteArrayList<>();
        boolean[] changed = new boolean[1];

        RangeTestResult result = job.run(new RangeTestListener() {
            @Override
            public void onPoint(RangePoint point) {
                points.add(point);
                changed[0] |= !net.params().equals(params);
            }
        }, () -> points.size() >= 4);

        assertThat(result.points()).hasSize(4);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.points()).allMatch(p -> Double.isFinite(p.loss()) && p.loss() > 0);
        assertThat(changed[0]).as("the sweep trained the network").isTrue();
        assertThat(net.params()).isEqualTo(params);
        assertThat(net.updaterState()).isEqualTo(updater);
        assertThat(net.iterationCount()).isZero();
        assertThat(net.epochCount()).isZero();
    }

    @Test
    void anEpochOfTrainingOnCifarCnnFinishesWithFiniteScores() throws Exception {
        TrainingRequest request = new TrainingRequest(DataOptions.of("random-cifar"), ModelSpec.parse("cifar-cnn"),
                OptimizerSpec.parse("adam"), new ConstantSchedule(1e-3), 1, 8, 3, null);
        List<IterationMetrics> iterations = new CopyOnWriteArrayList<>();
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        TrainingJob job = new TrainingJob(request, cifarLike(), ENGINE).addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationMetrics metrics) {
                iterations.add(metrics);
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                epochs.add(metrics);
            }
        });

        TrainingEvent end = job.start().ended().get(50, TimeUnit.SECONDS);

        assertThat(end.kind()).as(end.message()).isEqualTo(TrainingEvent.Kind.FINISHED);
        assertThat(iterations).hasSize(2); // 16 images, batches of 8
        assertThat(iterations).allMatch(m -> Double.isFinite(m.loss()) && m.loss() > 0 && m.lr() == 1e-3);
        assertThat(epochs).hasSize(1);
        EpochMetrics epoch = epochs.get(0);
        assertThat(List.of(epoch.trainLoss(), epoch.valLoss())).allMatch(x -> Double.isFinite(x) && x > 0);
        assertThat(epoch.trainAccuracy()).isBetween(0.0, 1.0);
        assertThat(epoch.valAccuracy()).isBetween(0.0, 1.0);
    }
}
