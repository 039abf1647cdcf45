package lrwb.engine.train;

/**
 * A copy of a training network's parameters taken at one moment, for work off the job's thread (a live decision
 * boundary). The copy is the snapshot's own: the job goes on training its network.
 *
 * @param iteration the updates done when it was taken (the job's count, from 0 at the job's start)
 * @param epoch     the epoch under way, or just ended when {@code epochEnd}, counted from 0 as the files count
 * @param epochEnd  taken after the epoch's last update (the parameters model.zip saves for that epoch)
 * @param params    the parameters in {@link lrwb.engine.model.Network#params()} order; shared by every watcher, read only
 */
public record ParameterSnapshot(long iteration, int epoch, boolean epochEnd, float[] params) {
}
