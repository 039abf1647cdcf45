package lrwb.engine.finder;

/** Bias-corrected exponential moving average: avg(i) = β·avg(i−1) + (1−β)·loss(i); smooth(i) = avg(i)/(1−β^(i+1)). */
public final class LossSmoother {
    private final double beta;
    private double avg;
    private double betaPower = 1;

    public LossSmoother(double beta) {
        this.beta = beta;
    }

    /** Adds the next loss and returns its smoothed value. */
    public double add(double loss) {
        avg = beta * avg + (1 - beta) * loss;
        betaPower *= beta;
        return avg / (1 - betaPower);
    }
}
