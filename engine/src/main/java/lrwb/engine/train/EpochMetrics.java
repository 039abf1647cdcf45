package lrwb.engine.train;

/**
 * One finished epoch (a row of epochs.csv).
 *
 * @param lr            the LR in effect at the end of the epoch
 * @param trainLoss     mean minibatch loss over the epoch, as Keras reports it
 * @param trainAccuracy share of the epoch's training examples the network classified right in the forward pass
 *                      of their own update, as Keras reports it: the companion of {@code trainLoss}, counted
 *                      without a pass over the training set of its own
 * @param seconds       wall time of the epoch, evaluation included
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                           double seconds) {
}
