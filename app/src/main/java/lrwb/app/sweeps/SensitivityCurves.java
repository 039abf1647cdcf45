package lrwb.app.sweeps;

import lrwb.app.text.DistinctNames;
import lrwb.engine.run.RunStatus;
import lrwb.engine.sweep.SweepRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The LR sensitivity of a sweep, computed from its finished cells: one curve per value of the axes other than
 * the LR and the seed (e.g. one per optimizer), each point the mean over the seeds of the cells at that LR with
 * their min and max. Diverged cells are not averaged in (a blown-up loss would hide the others) but listed apart,
 * to be marked on the chart; an LR at which every seed diverged leaves a gap in its curve. No JavaFX: testable alone.
 */
public final class SensitivityCurves {
    /** The axes a curve does not split by: along x (the LR) and averaged over (the seed). */
    static final List<String> ACROSS_AXES = List.of("lr", "seed");

    /**
     * One curve.
     *
     * @param key       the values of the other axes that make this curve (axis -> value as sweep.json has it)
     * @param name      what the legend calls it: the values that differ between the curves
     * @param lr        ascending LRs with at least one cell that did not diverge
     * @param mean      mean of the metric over those cells (NaN where none had a finite value)
     * @param diverged  the LRs of this curve's diverged cells, once per cell
     * @param cellsAtLr the cell indices behind each point
     */
    public record Curve(Map<String, String> key, String name, double[] lr, double[] mean, double[] min, double[] max,
                        List<Double> diverged, List<List<Integer>> cellsAtLr) {
        /** The LR whose mean is best, NaN without a point. */
        public double bestLr(boolean lowerIsBetter) {
            int best = bestIndex(lowerIsBetter);
            return best < 0 ? Double.NaN : lr[best];
        }

        int bestIndex(boolean lowerIsBetter) {
            int best = -1;
            for (int i = 0; i < lr.length; i++) {
                if (Double.isFinite(mean[i]) && (best < 0 || (lowerIsBetter ? mean[i] < mean[best] : mean[i] > mean[best]))) {
                    best = i;
                }
            }
            return best;
        }
    }

    private SensitivityCurves() {
    }

    /**
     * The curves in the grid's order (that of their first cell), whatever order the cells finished in: the runner starts
     * the longest cells first, and a curve keeps its place, so its colour, while the sweep fills in.
     *
     * @param rows       the finished cells (summary.csv's rows)
     * @param axisValues the axis values that made a cell, by its index (empty when unknown, and past the last cell)
     */
    public static List<Curve> of(List<SweepRow> rows, SweepMetric metric, IntFunction<Map<String, String>> axisValues) {
        Map<Map<String, String>, Map<Double, List<SweepRow>>> groups = new LinkedHashMap<>();
        Map<Map<String, String>, List<Double>> diverged = new LinkedHashMap<>();
        for (SweepRow row : rows.stream().sorted(Comparator.comparingInt(SweepRow::cell)).toList()) {
            Map<String, String> ordered = curveKey(axisValues.apply(row.cell()));
            Map<Double, List<SweepRow>> byLr = groups.computeIfAbsent(ordered, k -> new TreeMap<>());
            diverged.computeIfAbsent(ordered, k -> new ArrayList<>());
            if (RunStatus.DIVERGED.label().equals(row.status())) {
                diverged.get(ordered).add(row.lr());
            } else {
                byLr.computeIfAbsent(row.lr(), k -> new ArrayList<>()).add(row);
            }
        }
        List<Map<String, String>> keys = new ArrayList<>(groups.keySet()); // by their first finished cell
        Map<Map<String, String>, Integer> firstCells = firstCells(axisValues);
        keys.sort(Comparator.comparingInt(key -> firstCells.getOrDefault(key, Integer.MAX_VALUE)));
        List<String> names = DistinctNames.of(keys.stream().map(SensitivityCurves::fullName).toList());
        List<Curve> curves = new ArrayList<>();
        for (int g = 0; g < keys.size(); g++) {
            Map<Double, List<SweepRow>> byLr = groups.get(keys.get(g));
            int n = byLr.size();
            double[] lr = new double[n];
            double[] mean = new double[n];
            double[] min = new double[n];
            double[] max = new double[n];
            List<List<Integer>> cells = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Double, List<SweepRow>> e : byLr.entrySet()) {
                lr[i] = e.getKey();
                double sum = 0;
                int count = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                List<Integer> indices = new ArrayList<>();
                for (SweepRow row : e.getValue()) {
                    indices.add(row.cell());
                    double v = metric.of(row);
                    if (Double.isFinite(v)) {
                        sum += v;
                        count++;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                mean[i] = count == 0 ? Double.NaN : sum / count;
                min[i] = count == 0 ? Double.NaN : lo;
                max[i] = count == 0 ? Double.NaN : hi;
                cells.add(indices);
                i++;
            }
            curves.add(new Curve(keys.get(g), names.get(g), lr, mean, min, max, List.copyOf(diverged.get(keys.get(g))), cells));
        }
        return curves;
    }

    /** A curve's axis values: a cell's, without those every curve runs across (the LR, the seed). */
    private static Map<String, String> curveKey(Map<String, String> cellAxisValues) {
        Map<String, String> key = new LinkedHashMap<>(cellAxisValues);
        key.keySet().removeAll(ACROSS_AXES);
        return key;
    }

    /** Each curve's first cell in the grid, from the cells' axis values up to the first index that has none. */
    private static Map<Map<String, String>, Integer> firstCells(IntFunction<Map<String, String>> axisValues) {
        Map<Map<String, String>, Integer> first = new java.util.HashMap<>();
        for (int cell = 0; cell < MAX_SCANNED_CELLS; cell++) {
            Map<String, String> values = axisValues.apply(cell);
            if (values.isEmpty()) {
                break;
            }
            first.putIfAbsent(curveKey(values), cell);
        }
        return first;
    }

    /** Above the largest grid a sweep accepts (10,000 cells). */
    private static final int MAX_SCANNED_CELLS = 100_000;

    /** The LR sensitivity of all cells on one line, when no axis but the LR and the seed varies. */
    static final String SINGLE_CURVE = "all cells";

    private static String fullName(Map<String, String> key) {
        return key.isEmpty() ? SINGLE_CURVE : String.join(" · ", key.values().stream().map(AxisValueText::of).toList());
    }
}
