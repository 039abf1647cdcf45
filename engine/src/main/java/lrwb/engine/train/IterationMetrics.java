package lrwb.engine.train;

/** One optimizer update: the LR it actually used and the loss of its minibatch (a row of iterations.csv). */
public record IterationMetrics(long iteration, int epoch, double lr, double loss) {
}
