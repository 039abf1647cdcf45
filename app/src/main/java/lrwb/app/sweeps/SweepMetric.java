package lrwb.app.sweeps;

import lrwb.engine.sweep.SweepRow;

import java.util.function.ToDoubleFunction;

/** What the LR sensitivity chart plots against the LR: a cell's final or best validation loss or accuracy. */
public enum SweepMetric {
    FINAL_VAL_LOSS("final validation loss", true, SweepRow::finalValLoss),
    BEST_VAL_LOSS("best validation loss", true, SweepRow::bestValLoss),
    FINAL_VAL_ACCURACY("final validation accuracy", false, SweepRow::finalValAccuracy),
    BEST_VAL_ACCURACY("best validation accuracy", false, SweepRow::bestValAccuracy);

    private final String label;
    private final boolean lowerIsBetter;
    private final ToDoubleFunction<SweepRow> value;

    SweepMetric(String label, boolean lowerIsBetter, ToDoubleFunction<SweepRow> value) {
        this.label = label;
        this.lowerIsBetter = lowerIsBetter;
        this.value = value;
    }

    public double of(SweepRow row) {
        return value.applyAsDouble(row);
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public boolean isLoss() {
        return lowerIsBetter;
    }

    @Override
    public String toString() {
        return label;
    }
}
