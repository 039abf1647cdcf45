package lrwb.app.sweeps;

import lrwb.app.chart.NumberLabels;

/**
 * The LRs a sweep found good for one curve: the unbroken stretch of LRs around the best whose mean final validation
 * loss is within {@link #TOLERANCE} of the best mean (10%: the floor of the U). Whether a range test's suggestion
 * falls inside is the question the Sweeps workspace answers.
 */
public record GoodRegion(double lower, double upper, double bestLr) {
    /** How far above the best loss still counts as good. */
    public static final double TOLERANCE = 0.10;

    /** The good region of a curve of final validation loss; null when it has no finite point. */
    static GoodRegion of(SensitivityCurves.Curve lossCurve) {
        int best = lossCurve.bestIndex(true);
        if (best < 0) {
            return null;
        }
        double limit = lossCurve.mean()[best] * (1 + TOLERANCE);
        int lo = best;
        while (lo > 0 && lossCurve.mean()[lo - 1] <= limit) {
            lo--;
        }
        int hi = best;
        while (hi < lossCurve.lr().length - 1 && lossCurve.mean()[hi + 1] <= limit) {
            hi++;
        }
        return new GoodRegion(lossCurve.lr()[lo], lossCurve.lr()[hi], lossCurve.lr()[best]);
    }

    public boolean contains(double lr) {
        // a little slack for the rounding of LRs written to summary.csv
        return lr >= lower * (1 - 1e-9) && lr <= upper * (1 + 1e-9);
    }

    /** "1e-3 – 1e-2" (or one LR when the region is a single point). */
    public String text() {
        return lower == upper ? NumberLabels.significant(lower, 3)
                : NumberLabels.significant(lower, 3) + " – " + NumberLabels.significant(upper, 3);
    }
}
