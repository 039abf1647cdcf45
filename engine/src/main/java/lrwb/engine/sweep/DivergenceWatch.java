package lrwb.engine.sweep;

import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunStart;
import lrwb.engine.schedule.NumberText;
import lrwb.engine.train.IterationMetrics;

/**
 * specs/sweeps.md's rule for a cell that runs away: its training loss exceeds 4x its first epoch's. The loss compared
 * is an epoch's mean minibatch loss (epochs.csv's train_loss), computed here from the updates as they come, on the
 * job's thread, so the stop falls after the same update however many cells run at once (a check on the epochs'
 * rows, which arrive from a background validation, would not). NaN and infinity the job stops at by itself.
 */
final class DivergenceWatch implements RunListener {
    static final double FACTOR = 4;
    private RunHandle handle;
    private int stepsPerEpoch;
    private double sum;
    private int updates;
    private double firstEpochLoss = Double.NaN;

    @Override
    public void onStarted(RunStart start) {
        handle = start.handle();
        stepsPerEpoch = start.stepsPerEpoch();
    }

    @Override
    public void onIteration(IterationMetrics m) {
        String why = check(m);
        if (why != null) {
            handle.stopDiverged(why);
        }
    }

    /** Takes one update's loss; at an epoch's end says why the run diverged, or null while it has not. */
    String check(IterationMetrics m) {
        sum += m.loss();
        updates++;
        if (stepsPerEpoch <= 0 || (m.iteration() + 1) % stepsPerEpoch != 0) {
            return null;
        }
        double mean = sum / updates;
        sum = 0;
        updates = 0;
        if (m.epoch() == 0) {
            firstEpochLoss = mean;
        } else if (mean > FACTOR * firstEpochLoss) {
            return "the training loss ran away: " + NumberText.of(mean) + " in epoch " + (m.epoch() + 1)
                    + ", more than " + NumberText.of(FACTOR) + "x the first epoch's " + NumberText.of(firstEpochLoss)
                    + ": lower the learning rate";
        }
        return null;
    }

    /** For a test: the batches per epoch a run's start would say. */
    DivergenceWatch withStepsPerEpoch(int steps) {
        stepsPerEpoch = steps;
        return this;
    }
}
