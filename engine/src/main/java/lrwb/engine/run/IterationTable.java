package lrwb.engine.run;

/** iterations.csv read back as columns (a run can have millions of rows: no object per row). */
public record IterationTable(long[] iteration, int[] epoch, double[] lr, double[] loss) {
    static final IterationTable EMPTY = new IterationTable(new long[0], new int[0], new double[0], new double[0]);

    public int size() {
        return iteration.length;
    }

    static IterationTable of(CsvTable t) {
        int n = t.rows().size();
        long[] it = new long[n];
        int[] ep = new int[n];
        double[] lr = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = t.rows().get(i);
            it[i] = (long) r[0];
            ep[i] = (int) r[1];
            lr[i] = r[2];
            loss[i] = r[3];
        }
        return new IterationTable(it, ep, lr, loss);
    }
}
