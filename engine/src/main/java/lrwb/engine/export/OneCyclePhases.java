package lrwb.engine.export;

import lrwb.engine.schedule.OneCycleSchedule;

/**
 * The phases of a 1cycle schedule as the evaluator computes them, for the generators that unroll them into code:
 * ends at {@code pctStart·T−1}, ({@code 2·pctStart·T−2},) {@code T−1}, each annealing between two of the named
 * values {@code initial}, {@code peak}, {@code last}.
 */
final class OneCyclePhases {
    private final double[] ends;
    private final String[] from;
    private final String[] to;

    OneCyclePhases(OneCycleSchedule s) {
        double total = s.totalSteps();
        double up = s.pctStart() * total - 1;
        if (s.threePhase()) {
            ends = new double[] {up, 2 * s.pctStart() * total - 2, total - 1};
            from = new String[] {"initial", "peak", "initial"};
            to = new String[] {"peak", "initial", "last"};
        } else {
            ends = new double[] {up, total - 1};
            from = new String[] {"initial", "peak"};
            to = new String[] {"peak", "last"};
        }
    }

    int count() {
        return ends.length;
    }

    double end(int i) {
        return ends[i];
    }

    String from(int i) {
        return from[i];
    }

    String to(int i) {
        return to[i];
    }

    /** The fraction of phase i done at {@code t}: {@code (t − start)/(end − start)}, start the previous end (0 first). */
    String pct(int i, String t) {
        if (i == 0) {
            return t + " / " + Literal.decimal(ends[0]);
        }
        String start = Literal.decimal(ends[i - 1]);
        return "(" + t + " - " + start + ") / (" + Literal.decimal(ends[i]) + " - " + start + ")";
    }
}
