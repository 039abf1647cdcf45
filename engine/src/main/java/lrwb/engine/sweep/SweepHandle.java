package lrwb.engine.sweep;

/** A sweep under way: cancel it from any thread, wait for its outcome. */
public interface SweepHandle {
    /** Stops the running cells (their records completed, their rows not written: a resume reruns them), starts no more. */
    void cancel();

    /** Waits until the sweep has ended and its files are complete. */
    SweepOutcome await() throws InterruptedException;
}
