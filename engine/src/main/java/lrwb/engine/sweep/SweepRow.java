package lrwb.engine.sweep;

import lrwb.engine.data.CsvLine;
import lrwb.engine.data.DataException;

import java.util.List;
import java.util.Locale;

/**
 * One row of summary.csv: a finished cell, its settings and how it did (specs/sweeps.md "Outputs"). This is the one
 * place that spells summary.csv's header. Numbers are written as Java's shortest exact text ({@code NaN} when there
 * is none, e.g. no validation accuracy for a run that diverged before its first epoch), so they read back unchanged.
 *
 * @param schedule the cell's schedule spec as JSON (quoted in the file: it holds commas)
 * @param status   {@code finished}, {@code diverged} or {@code failed} (RunStatus' words)
 * @param run      the cell's run folder relative to the sweep folder, {@code cells/0007}
 */
public record SweepRow(int cell, double lr, String optimizer, String schedule, String model, int batch, long seed,
                       int epochs, String dataset, String status, double bestValAccuracy, double finalValAccuracy,
                       double bestValLoss, double finalValLoss, double finalTrainLoss, int epochsDone, double seconds,
                       String run) {
    private static final String HEADER = "cell,lr,optimizer,schedule,model,batch,seed,epochs,dataset,status,"
            + "best_val_accuracy,final_val_accuracy,best_val_loss,final_val_loss,final_train_loss,epochs_done,seconds,run";
    private static final int COLUMNS = 18;

    /** summary.csv's first line. */
    public static String header() {
        return HEADER;
    }

    /** A table of rows in summary.csv's format, in the order given: the header, then a line per row (the app's export). */
    public static String toCsv(List<SweepRow> rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> text.append(r.toCsvLine()).append('\n'));
        return text.toString();
    }

    /** The row as summary.csv holds it, without the line break. */
    public String toCsvLine() {
        return String.join(",", Integer.toString(cell), number(lr), text(optimizer), text(schedule), text(model),
                Integer.toString(batch), Long.toString(seed), Integer.toString(epochs), text(dataset), text(status),
                number(bestValAccuracy), number(finalValAccuracy), number(bestValLoss), number(finalValLoss),
                number(finalTrainLoss), Integer.toString(epochsDone), number(seconds), text(run));
    }

    /**
     * Reads a line {@link #toCsvLine} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static SweepRow parse(String csvLine) {
        List<String> c;
        try {
            c = CsvLine.cells(csvLine, "summary row");
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (c.size() != COLUMNS) {
            throw new IllegalArgumentException("summary row has " + c.size() + " cells, not " + COLUMNS);
        }
        try {
            return new SweepRow(Integer.parseInt(c.get(0)), Double.parseDouble(c.get(1)), c.get(2), c.get(3), c.get(4),
                    Integer.parseInt(c.get(5)), Long.parseLong(c.get(6)), Integer.parseInt(c.get(7)), c.get(8), c.get(9),
                    Double.parseDouble(c.get(10)), Double.parseDouble(c.get(11)), Double.parseDouble(c.get(12)),
                    Double.parseDouble(c.get(13)), Double.parseDouble(c.get(14)), Integer.parseInt(c.get(15)),
                    Double.parseDouble(c.get(16)), c.get(17));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("summary row has a cell that is not a number: " + e.getMessage());
        }
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    /** Quoted when it holds a comma, a quote or a line break (a model like mlp:64,32, a schedule's JSON). */
    private static String text(String v) {
        String s = v == null ? "" : v.replace("\r", " ").replace("\n", " ");
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.strip().equals(s)) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The row with its measured time left out: what two runs of the same grid and seeds agree on. */
    public SweepRow withoutTiming() {
        return new SweepRow(cell, lr, optimizer, schedule, model, batch, seed, epochs, dataset, status, bestValAccuracy,
                finalValAccuracy, bestValLoss, finalValLoss, finalTrainLoss, epochsDone, 0, run);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cell %d %s", cell, toCsvLine());
    }
}
