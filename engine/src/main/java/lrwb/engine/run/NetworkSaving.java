package lrwb.engine.run;

/**
 * When a training run writes its network ({@code model.zip}). Either way the finished record holds the network of
 * the last completed epoch; they differ only while the run goes on.
 */
public enum NetworkSaving {
    /**
     * After every epoch, off the job's thread, so that {@code run:DIR} finds a complete network while the run goes
     * on, and a killed run keeps its last written epoch (the app, {@code lrwb train}).
     */
    EVERY_EPOCH,
    /**
     * Once, as the run ends (the last completed epoch's copy). For a sweep's cells: a cell that did not finish is
     * rerun from scratch on resume, so its network mid-run is never read, and a tiny cell's per-epoch zips would
     * otherwise keep a core busy beside the cells running on the others.
     */
    AT_END
}
