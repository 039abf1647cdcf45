package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.SteerableSchedule;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference: nothing but {@code net.fit(batch)} in a loop ({@link Network#fit}, the one call our jobs make, so
 * small networks take the Java step), on the network our jobs build (same
 * {@link Networks} configuration, seed and LR handle) and on the same minibatches ({@link ShuffledBatches}
 * passes), built before the clock starts. With {@code stockLayers} the network has DL4J's own dense and output
 * layers and updater instead of the engine's lean ones: plain DL4J, as a user's own loop would run it.
 */
final class BareLoop {
    private final Network net;
    private final List<DataSet> batches = new ArrayList<>();
    private int cursor;

    BareLoop(BenchCase c, LoadedData data, OptimizerSpec optimizer, long seed, boolean stockLayers, EngineContext engine) {
        NetworkShape shape = NetworkShape.of(data);
        SteerableSchedule lr = SteerableSchedule.constant(Bench.LR);
        net = Network.of(stockLayers ? Networks.buildWithStockLayers(c.model(), optimizer, lr, shape, seed)
                : Networks.build(c.model(), optimizer, lr, shape, seed, engine.tuning()));
        ShuffledBatches passes = new ShuffledBatches(data.train(), c.batchSize(), seed, engine);
        int perPass = passes.batchesPerPass();
        int needed = Math.max(c.blockIterations(), Math.min(c.trainEpochs() * perPass, 4 * c.blockIterations()));
        for (int pass = 0; batches.size() < needed; pass++) {
            batches.addAll(passes.pass(pass));
        }
    }

    /** Seconds per update over {@code iterations} updates. */
    Sample block(int iterations) {
        Bench.sameNativeSettingsAsOurJobs();
        Sample.Stopwatch clock = Sample.start();
        for (int i = 0; i < iterations; i++) {
            net.fit(batches.get(cursor));
            cursor = (cursor + 1) % batches.size();
        }
        return clock.stop(iterations);
    }
}
