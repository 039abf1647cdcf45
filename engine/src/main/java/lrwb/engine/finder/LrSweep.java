package lrwb.engine.finder;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * The range test's LR for DL4J: update {@code i} of the test (the network's iteration {@code start + i})
 * uses {@code config.lr(i)}. Installed on the network's SteerableSchedule for the test only.
 */
final class LrSweep implements ISchedule {
    private final RangeTestConfig config;
    private final int startIteration;

    LrSweep(RangeTestConfig config, int startIteration) {
        this.config = config;
        this.startIteration = startIteration;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int i = Math.max(0, Math.min(config.iterations() - 1, iteration - startIteration));
        return config.lr(i);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
