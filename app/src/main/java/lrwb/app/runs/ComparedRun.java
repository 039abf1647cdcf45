package lrwb.app.runs;

import javafx.scene.paint.Color;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.run.RangeTestRecord;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.run.TrainingRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One selected run's curves for the comparison charts, read from its folder: validation accuracy and loss per
 * epoch (training only) and the LR per iteration (both kinds). Primitive arrays; the full record stays on disk.
 */
public record ComparedRun(Path dir, String name, Color color, boolean rangeTest, double[] epochs, double[] valAccuracy,
                          double[] valLoss, double[] iterations, double[] lr) {

    /** Reads the curves of a run folder; off the FX thread. */
    static ComparedRun read(RunRow row, Color color) throws IOException {
        if (row.isRangeTest()) {
            List<RangePoint> points = RangeTestRecord.read(row.dir()).points();
            double[] it = new double[points.size()];
            double[] lr = new double[points.size()];
            for (int i = 0; i < it.length; i++) {
                it[i] = points.get(i).iteration();
                lr[i] = points.get(i).lr();
            }
            return new ComparedRun(row.dir(), row.name(), color, true, new double[0], new double[0], new double[0], it, lr);
        }
        TrainingRecord record = TrainingRecord.read(row.dir());
        List<EpochMetrics> epochs = record.epochs();
        double[] e = new double[epochs.size()];
        double[] acc = new double[e.length];
        double[] loss = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = epochs.get(i).epoch() + 1;
            acc[i] = epochs.get(i).valAccuracy();
            loss[i] = epochs.get(i).valLoss();
        }
        long[] iterations = record.iterations().iteration();
        double[] it = new double[iterations.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = iterations[i];
        }
        return new ComparedRun(row.dir(), row.name(), color, false, e, acc, loss, it, record.iterations().lr());
    }
}
