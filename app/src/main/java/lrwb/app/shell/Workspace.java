package lrwb.app.shell;

/** The workspaces of the window, in the order a person uses them. */
public enum Workspace {
    DESIGNER("Designer", "Schedule Designer",
            "Design learning-rate schedules and compare their curves side by side: step, exponential, cosine, "
                    + "warm restarts, cyclic, one-cycle, warmup chains and plateau."),
    FINDER("LR Finder", "LR range test",
            "Run an LR range test on a real network and read good bounds off a live loss-vs-log(LR) chart."),
    TRAINING("Training", "Training",
            "Train on the background DL4J engine and watch LR, loss and accuracy stream in; pause, stop or override the LR."),
    RUNS("Runs", "Runs",
            "Every range test and training run on disk: compare schedules and optimizers on shared axes."),
    SWEEPS("Sweeps", "Sweeps",
            "Train over a grid of LRs, optimizers, schedules and seeds, and see how good each LR really is: "
                    + "loss against LR for each optimizer, with the range test's suggestions on the same axis.");

    private final String tabTitle;
    private final String heading;
    private final String purpose;

    Workspace(String tabTitle, String heading, String purpose) {
        this.tabTitle = tabTitle;
        this.heading = heading;
        this.purpose = purpose;
    }

    public String tabTitle() {
        return tabTitle;
    }

    public String heading() {
        return heading;
    }

    public String purpose() {
        return purpose;
    }
}
