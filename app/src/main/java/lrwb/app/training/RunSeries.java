package lrwb.app.training;

import lrwb.engine.finder.LossSmoother;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;

import java.util.Arrays;

/**
 * A run's curves as primitive arrays that grow as metrics arrive: per iteration the LR, the minibatch loss and
 * its smoothed value (sharing one x array), per epoch the train/validation loss and accuracy. 50k iterations
 * take about 1.6 MB here; the charts decimate from these arrays, so no chart object exists per point, and the
 * full record stays on disk. No JavaFX; one thread at a time (the FX thread).
 */
public final class RunSeries {
    /** The smoothing window adapts to the epoch: a few iterations on iris, at most about fifty on big data. */
    private static final int MIN_WINDOW = 4;
    private static final int MAX_WINDOW = 50;

    private double[] iteration = new double[256];
    private double[] lr = new double[256];
    private double[] loss = new double[256];
    private double[] smoothed = new double[256];
    private int size;
    private LossSmoother smoother = new LossSmoother(0.9);

    private double[] epochNumber = new double[16];
    private double[] epochEnd = new double[16];
    private double[] trainLoss = new double[16];
    private double[] valLoss = new double[16];
    private double[] trainAccuracy = new double[16];
    private double[] valAccuracy = new double[16];
    private int epochs;
    private int stepsPerEpoch = 1;

    /** Sets the smoothing and where epochs end on the iteration axis, once the data (and so the batches per epoch) is known. */
    public void setStepsPerEpoch(int steps) {
        this.stepsPerEpoch = Math.max(1, steps);
        int window = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, stepsPerEpoch / 2));
        if (size == 0) {
            smoother = new LossSmoother(1 - 1.0 / window);
        }
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public void add(IterationMetrics m) {
        add(m.iteration(), m.lr(), m.loss());
    }

    public void add(long it, double lrValue, double lossValue) {
        if (size == iteration.length) {
            int grown = size * 2;
            iteration = Arrays.copyOf(iteration, grown);
            lr = Arrays.copyOf(lr, grown);
            loss = Arrays.copyOf(loss, grown);
            smoothed = Arrays.copyOf(smoothed, grown);
        }
        iteration[size] = it;
        lr[size] = lrValue;
        loss[size] = lossValue;
        // A NaN loss (divergence) would poison the average for good: the smoothed curve just stops there.
        smoothed[size] = Double.isFinite(lossValue) ? smoother.add(lossValue) : Double.NaN;
        size++;
    }

    public void add(EpochMetrics m) {
        if (epochs == epochNumber.length) {
            int grown = epochs * 2;
            epochNumber = Arrays.copyOf(epochNumber, grown);
            epochEnd = Arrays.copyOf(epochEnd, grown);
            trainLoss = Arrays.copyOf(trainLoss, grown);
            valLoss = Arrays.copyOf(valLoss, grown);
            trainAccuracy = Arrays.copyOf(trainAccuracy, grown);
            valAccuracy = Arrays.copyOf(valAccuracy, grown);
        }
        epochNumber[epochs] = m.epoch() + 1;
        epochEnd[epochs] = (long) (m.epoch() + 1) * stepsPerEpoch - 1;
        trainLoss[epochs] = m.trainLoss();
        valLoss[epochs] = m.valLoss();
        trainAccuracy[epochs] = m.trainAccuracy();
        valAccuracy[epochs] = m.valAccuracy();
        epochs++;
    }

    /** Iterations recorded so far. */
    public int size() {
        return size;
    }

    public int epochs() {
        return epochs;
    }

    // The arrays are handed to the charts as they are (no copy); they are only ever appended to past size.

    public double[] iterations() {
        return iteration;
    }

    public double[] lr() {
        return lr;
    }

    public double[] loss() {
        return loss;
    }

    public double[] smoothedLoss() {
        return smoothed;
    }

    /** 1-based epoch numbers, the x of the accuracy chart. */
    public double[] epochNumbers() {
        return epochNumber;
    }

    /** The last iteration of each epoch, where epoch losses sit on the loss chart. */
    public double[] epochEnds() {
        return epochEnd;
    }

    public double[] trainLoss() {
        return trainLoss;
    }

    public double[] valLoss() {
        return valLoss;
    }

    public double[] trainAccuracy() {
        return trainAccuracy;
    }

    public double[] valAccuracy() {
        return valAccuracy;
    }

    public double lastLr() {
        return size == 0 ? Double.NaN : lr[size - 1];
    }

    public double bestValAccuracy() {
        double best = Double.NaN;
        for (int i = 0; i < epochs; i++) {
            if (Double.isFinite(valAccuracy[i]) && !(valAccuracy[i] <= best)) {
                best = valAccuracy[i];
            }
        }
        return best;
    }

    /** Bytes held by the arrays, for the memory budget. */
    public long bytes() {
        return 8L * (iteration.length * 4L + epochNumber.length * 6L);
    }
}
