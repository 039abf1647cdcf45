package lrwb.engine.finder;

import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.SteerableSchedule;
import lrwb.engine.model.Network;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Leslie Smith's LR range test on a live network (specs/lr-finder.md): one update per LR of the sweep,
 * stopping when the smoothed loss diverges, then putting the network back exactly as it was.
 * The sweep is installed on the network's {@link SteerableSchedule}, never by setLearningRate per update.
 */
public final class RangeTest {
    private final RangeTestConfig config;

    public RangeTest(RangeTestConfig config) {
        this.config = config;
    }

    public RangeTestConfig config() {
        return config;
    }

    /**
     * Runs the test on the calling thread.
     *
     * @param net       the network, configured with {@code lr} as the LR of every layer; restored afterwards,
     *                  also when cancelled or when a listener throws
     * @param batches   training minibatches; must not run out before {@code iterations} updates
     * @param cancelled polled before every update; true stops the test, keeping the points so far
     */
    public RangeTestResult run(Network net, SteerableSchedule lr, Iterator<DataSet> batches,
                               RangeTestListener listener, BooleanSupplier cancelled) {
        return run(net, lr, batches, StepLoss.TRAIN, listener, cancelled);
    }

    /** As {@link #run(Network, SteerableSchedule, Iterator, RangeTestListener, BooleanSupplier)}, recording {@code stepLoss}. */
    public RangeTestResult run(Network net, SteerableSchedule lr, Iterator<DataSet> batches, StepLoss stepLoss,
                               RangeTestListener listener, BooleanSupplier cancelled) {
        NativeSettings.applyToCurrentThread();
        NetworkSnapshot before = NetworkSnapshot.of(net);
        ISchedule previousBase = lr.base();
        double previousOverride = lr.overrideLr();
        lr.clearOverride();
        lr.setBase(new LrSweep(config, net.iterationCount()));
        List<RangePoint> points = new ArrayList<>();
        boolean diverged = false;
        boolean stopped = false;
        try {
            LossSmoother smoother = new LossSmoother(config.beta());
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < config.iterations(); i++) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                net.fit(batches.next());
                double loss = stepLoss.after(net);
                double smooth = smoother.add(loss);
                best = Math.min(best, smooth);
                RangePoint point = new RangePoint(i, config.lr(i), loss, smooth);
                points.add(point);
                listener.onPoint(point);
                if (!Double.isFinite(loss) || (i >= 1 && smooth > config.divergeFactor() * best)) {
                    diverged = true;
                    break;
                }
            }
        } finally {
            before.restoreInto(net);
            lr.setBase(previousBase);
            if (!Double.isNaN(previousOverride)) {
                lr.override(previousOverride);
            }
        }
        Suggestions suggestions = SuggestionCalculator.compute(points, config.skipStart(), config.skipEnd(),
                config.iterations(), diverged);
        RangeTestResult result = new RangeTestResult(points, diverged, stopped, points.size() - 1, config.iterations(),
                suggestions);
        listener.onFinished(result);
        return result;
    }
}
