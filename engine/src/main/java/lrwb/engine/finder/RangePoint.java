package lrwb.engine.finder;

/** One recorded update of a range test: row {@code iteration,lr,loss,smoothed_loss} of range.csv. */
public record RangePoint(int iteration, double lr, double loss, double smoothed) {
}
