package lrwb.engine.train;

/**
 * One finished epoch (a row of epochs.csv).
 *
 * @param lr            the LR in effect at the end of the epoch
 * @param trainLoss     mean minibatch loss over the epoch, as Keras reports it
 * @param trainAccuracy accuracy on the training split with the weights at the end of the epoch
 * @param seconds       wall time of the epoch, evaluation included
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                           double seconds) {
}
