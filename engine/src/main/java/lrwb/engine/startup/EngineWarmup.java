package lrwb.engine.startup;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.finder.RangeTest;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.SteerableSchedule;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingRequest;
import lrwb.engine.model.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * A short range test and a short training job on a tiny random set, run once while the engine starts in the
 * background. DL4J's first updates are slow (its classes load, its code runs interpreted until the JIT compiles
 * it): this moves that cost from the user's first range test, which should feel instant, to start-up, which
 * happens behind a window that is already up. Writes nothing to disk; runs on the engine context it is given.
 */
final class EngineWarmup {
    private static final int FEATURES = 5;
    private static final int CLASSES = 3;

    private EngineWarmup() {
    }

    static void run(EngineContext context) throws Exception {
        LoadedData data = new LoadedData("warm-up", randomSet(96, 1), randomSet(32, 2), FEATURES, CLASSES,
                List.of("a", "b", "c"), null);
        NetworkShape shape = NetworkShape.tabular(FEATURES, CLASSES);
        ModelSpec model = ModelSpec.mlp(12);
        OptimizerSpec sgd = OptimizerSpec.of(OptimizerSpec.Kind.SGD);

        SteerableSchedule lr = SteerableSchedule.constant(1e-3);
        Network net = Networks.network(model, sgd, lr, shape, 1, context.tuning());
        ShuffledBatches batches = new ShuffledBatches(data.train(), 16, 1, context);
        new RangeTest(RangeTestConfig.of(1e-4, 1e-1, 120, SweepMode.EXP)).run(net, lr, batches.stream(0, 120),
                RangeTestListener.NONE, () -> false);

        TrainingRequest request = new TrainingRequest(DataOptions.of("warm-up"), model, sgd, new ConstantSchedule(1e-2),
                4, 16, 1, "warm-up");
        new TrainingJob(request, data, context).start().ended().get();
    }

    private static DataSet randomSet(int n, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[n][FEATURES];
        float[][] labels = new float[n][CLASSES];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                features[i][j] = (float) random.nextGaussian();
            }
            labels[i][i % CLASSES] = 1;
        }
        INDArray f = Nd4j.create(features).castTo(DataType.FLOAT);
        INDArray l = Nd4j.create(labels).castTo(DataType.FLOAT);
        return new DataSet(f, l);
    }
}
