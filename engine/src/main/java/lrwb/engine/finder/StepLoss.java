package lrwb.engine.finder;

import lrwb.engine.model.Network;

/** The loss the range test records for an update, read just after it ({@link LossSource}). */
@FunctionalInterface
public interface StepLoss {
    /** The update's own minibatch, without DL4J's clipping at 1e-10 ({@link Network#unclippedScore()}). */
    StepLoss TRAIN = Network::unclippedScore;

    double after(Network net);
}
