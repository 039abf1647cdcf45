package lrwb.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep says at a glance: for each group of cells — the same values of every axis but {@code lr} and
 * {@code seed} — the LR that did best, judged by the mean over seeds of the final validation accuracy (higher is
 * better), or of the final validation loss (lower) when no cell has an accuracy. Diverged and failed cells count with
 * what they reached; a setting none of whose seeds has the metric is not a candidate.
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    public enum Metric {
        FINAL_VAL_ACCURACY("highest mean final validation accuracy over seeds"),
        FINAL_VAL_LOSS("lowest mean final validation loss over seeds");

        private final String description;

        Metric(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One group's best setting.
     *
     * @param group    the group's axis values (neither lr nor seed), in axis order; empty for a grid without such axes
     * @param lr       the best setting's peak LR; NaN when no setting of the group has the metric
     * @param cells    the best setting's cells (one per seed), in index order
     * @param diverged cells of the group that diverged
     */
    public record GroupBest(Map<String, String> group, double lr, double meanFinalValAccuracy, double meanFinalValLoss,
                            List<Integer> cells, int groupCells, int diverged) {
    }

    /** Accuracy when any row has one, else loss. */
    public static Metric metricOf(List<SweepRow> rows) {
        return rows.stream().anyMatch(r -> Double.isFinite(r.finalValAccuracy())) ? Metric.FINAL_VAL_ACCURACY : Metric.FINAL_VAL_LOSS;
    }

    /** The best setting of every group that has rows, groups in the order of their first cell. */
    public static List<GroupBest> bestPerGroup(SweepGrid grid, List<SweepRow> rows, Metric metric) {
        Map<Map<String, String>, Map<Map<String, String>, List<SweepRow>>> groups = new LinkedHashMap<>();
        List<SweepRow> sorted = rows.stream().filter(r -> r.cell() >= 0 && r.cell() < grid.cells().size())
                .sorted(java.util.Comparator.comparingInt(SweepRow::cell)).toList();
        for (SweepRow row : sorted) {
            Map<String, String> values = grid.cell(row.cell()).axisValues();
            Map<String, String> group = new LinkedHashMap<>(values);
            group.remove("lr");
            group.remove("seed");
            Map<String, String> setting = new LinkedHashMap<>(values);
            setting.remove("seed");
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(setting, s -> new ArrayList<>()).add(row);
        }
        List<GroupBest> out = new ArrayList<>();
        groups.forEach((group, settings) -> {
            List<SweepRow> best = null;
            double bestScore = Double.NaN;
            int cells = 0;
            int diverged = 0;
            for (List<SweepRow> seeds : settings.values()) {
                cells += seeds.size();
                diverged += (int) seeds.stream().filter(r -> r.status().equals("diverged")).count();
                double score = mean(seeds, metric == Metric.FINAL_VAL_ACCURACY ? SweepRow::finalValAccuracy : SweepRow::finalValLoss);
                if (Double.isNaN(score)) {
                    continue;
                }
                boolean better = Double.isNaN(bestScore)
                        || (metric == Metric.FINAL_VAL_ACCURACY ? score > bestScore : score < bestScore);
                if (better) {
                    bestScore = score;
                    best = seeds;
                }
            }
            if (best == null) {
                out.add(new GroupBest(group, Double.NaN, Double.NaN, Double.NaN, List.of(), cells, diverged));
            } else {
                out.add(new GroupBest(group, best.get(0).lr(), mean(best, SweepRow::finalValAccuracy),
                        mean(best, SweepRow::finalValLoss), best.stream().map(SweepRow::cell).toList(), cells, diverged));
            }
        });
        return out;
    }

    /** The mean of the finite values; NaN when there is none. */
    private static double mean(List<SweepRow> rows, java.util.function.ToDoubleFunction<SweepRow> value) {
        return rows.stream().mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
