package lrwb.app.sweeps;

import lrwb.engine.sweep.SweepRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The LR sensitivity of rows: a curve per optimizer, mean and spread over seeds, diverged cells apart; the good region. */
class SensitivityCurvesTest {
    private static SweepRow row(int cell, double lr, String optimizer, long seed, String status, double finalValLoss) {
        return new SweepRow(cell, lr, optimizer, "{}", "mlp:8", 16, seed, 1, "iris", status, 0.9, 0.8, finalValLoss * 0.9,
                finalValLoss, 0.5, 1, 1.0, "cells/" + cell);
    }

    private static Map<String, String> axes(int cell, List<SweepRow> rows) {
        return rows.stream().filter(x -> x.cell() == cell).findFirst()
                .map(r -> Map.of("optimizer", r.optimizer(), "lr", String.valueOf(r.lr()), "seed", String.valueOf(r.seed())))
                .orElse(Map.of()); // past the last cell, as the view model answers
    }

    @Test
    void oneCurvePerOptimizerMeanAndSpreadOverSeedsAndDivergedCellsApart() {
        List<SweepRow> rows = List.of(
                row(0, 0.01, "sgd", 1, "finished", 1.0), row(1, 0.01, "sgd", 2, "finished", 2.0),
                row(2, 0.1, "sgd", 1, "finished", 0.5), row(3, 0.1, "sgd", 2, "diverged", Double.NaN),
                row(4, 0.01, "adam", 1, "finished", 0.4), row(5, 0.1, "adam", 1, "diverged", 9.0));
        List<SensitivityCurves.Curve> curves = SensitivityCurves.of(rows, SweepMetric.FINAL_VAL_LOSS, c -> axes(c, rows));
        assertThat(curves).extracting(SensitivityCurves.Curve::name).containsExactly("sgd", "adam");
        SensitivityCurves.Curve sgd = curves.get(0);
        assertThat(sgd.lr()).containsExactly(0.01, 0.1);
        assertThat(sgd.mean()).containsExactly(1.5, 0.5);
        assertThat(sgd.min()).containsExactly(1.0, 0.5);
        assertThat(sgd.max()).containsExactly(2.0, 0.5);
        assertThat(sgd.diverged()).containsExactly(0.1);
        SensitivityCurves.Curve adam = curves.get(1);
        assertThat(adam.lr()).containsExactly(0.01);
        assertThat(adam.diverged()).containsExactly(0.1);
        assertThat(sgd.bestLr(true)).isEqualTo(0.1);
    }

    /** The runner starts the longest cells first: however the cells finish, the curves keep the grid's order. */
    @Test
    void curvesKeepTheGridsOrderWhateverOrderTheCellsFinishIn() {
        List<SweepRow> grid = List.of(row(0, 0.01, "sgd", 1, "finished", 1.0), row(1, 0.01, "adam", 1, "finished", 0.4),
                row(2, 0.1, "sgd", 1, "finished", 0.5), row(3, 0.1, "adam", 1, "finished", 0.3));
        List<SweepRow> adamFinishedFirst = List.of(grid.get(3), grid.get(1));
        assertThat(SensitivityCurves.of(adamFinishedFirst, SweepMetric.FINAL_VAL_LOSS, c -> axes(c, grid)))
                .extracting(SensitivityCurves.Curve::name).containsExactly("adam");
        List<SweepRow> thenSgd = List.of(grid.get(3), grid.get(1), grid.get(2));
        List<SensitivityCurves.Curve> curves = SensitivityCurves.of(thenSgd, SweepMetric.FINAL_VAL_LOSS, c -> axes(c, grid));
        assertThat(curves).extracting(SensitivityCurves.Curve::name).containsExactly("sgd", "adam");
        assertThat(curves.get(1).lr()).containsExactly(0.01, 0.1);
    }

    @Test
    void theGoodRegionIsTheStretchWithinTenPercentOfTheBest() {
        SensitivityCurves.Curve c = new SensitivityCurves.Curve(Map.of(), "x", new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1},
                new double[] {0.9, 0.33, 0.30, 0.32, 0.31}, new double[5], new double[5], List.of(), List.of());
        GoodRegion r = GoodRegion.of(c);
        assertThat(r.bestLr()).isEqualTo(1e-2);
        assertThat(r.lower()).isEqualTo(1e-3);
        assertThat(r.upper()).isEqualTo(1);
        assertThat(r.contains(3e-3)).isTrue();
        assertThat(r.contains(5e-4)).isFalse();
        assertThat(GoodRegion.TOLERANCE).isCloseTo(0.1, within(0.0));
    }
}
