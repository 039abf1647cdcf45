package lrwb.engine.cli;

import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepSummary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one table {@code lrwb sweep} prints at the end: the best LR of each group of cells, in aligned columns. */
final class SummaryTable {
    private final SweepGrid grid;
    private final List<SweepRow> rows;

    SummaryTable(SweepGrid grid, List<SweepRow> rows) {
        this.grid = grid;
        this.rows = rows;
    }

    void print(PrintWriter out) {
        SweepSummary.Metric metric = SweepSummary.metricOf(rows);
        List<SweepSummary.GroupBest> groups = SweepSummary.bestPerGroup(grid, rows, metric);
        List<String> groupAxes = groups.isEmpty() ? List.of() : new ArrayList<>(groups.get(0).group().keySet());
        List<String> header = new ArrayList<>(groupAxes);
        header.addAll(List.of("best lr", "final val acc", "final val loss", "best cells", "diverged"));
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (SweepSummary.GroupBest g : groups) {
            List<String> line = new ArrayList<>(g.group().values());
            line.add(SweepCommand.lr(g.lr()));
            line.add(number(g.meanFinalValAccuracy()));
            line.add(number(g.meanFinalValLoss()));
            line.add(g.cells().isEmpty() ? "-" : g.cells().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            line.add(g.diverged() + "/" + g.groupCells());
            table.add(line);
        }
        out.println("best lr per group (" + metric.description() + "; " + rows.size() + " of " + grid.cells().size()
                + " cells done):");
        int[] widths = new int[header.size()];
        for (List<String> line : table) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : table) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                b.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
