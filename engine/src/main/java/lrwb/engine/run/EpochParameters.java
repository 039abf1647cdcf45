package lrwb.engine.run;

/**
 * A 2-D training run's network parameters after one epoch, as {@link RunFiles#EPOCH_PARAMETERS} records them: what
 * replays its decision boundary epoch by epoch.
 *
 * @param epoch     counted from 0, as the files count
 * @param iteration the updates done by the epoch's end (the job's count)
 * @param params    in the network's {@code params()} order; the record's own, read only
 */
public record EpochParameters(int epoch, long iteration, float[] params) {
}
