package lrwb.app.compare;

import javafx.scene.paint.Color;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.Suggestions;
import lrwb.engine.run.RangeTestRecord;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.run.TrainingRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One selected run's curves for the comparison charts, read from its folder: validation accuracy, validation and
 * training loss per epoch (training), the LR per iteration (training), and the smoothed loss against the LR with
 * the suggestions (range tests). Primitive arrays; the full record stays on disk.
 *
 * @param suggestions a range test's suggestions; null for training or when none were recorded
 */
public record ComparedRun(Path dir, String name, Color color, boolean rangeTest, double[] epochs, double[] valAccuracy,
                          double[] valLoss, double[] trainLoss, double[] iterations, double[] lr, double[] rangeLoss,
                          Suggestions suggestions) {

    /**
     * Reads the curves of a run folder; off the FX thread.
     *
     * @param name      what the legends call it (the run's name, or a sweep cell's axis values)
     * @param rangeTest whether the folder holds a range test rather than a training run
     */
    public static ComparedRun read(Path dir, String name, boolean rangeTest, Color color) throws IOException {
        if (rangeTest) {
            RangeTestRecord record = RangeTestRecord.read(dir);
            List<RangePoint> points = record.points();
            double[] it = new double[points.size()];
            double[] lr = new double[points.size()];
            double[] loss = new double[points.size()];
            for (int i = 0; i < it.length; i++) {
                it[i] = points.get(i).iteration();
                lr[i] = points.get(i).lr();
                loss[i] = points.get(i).smoothed();
            }
            return new ComparedRun(dir, name, color, true, new double[0], new double[0], new double[0], new double[0],
                    it, lr, loss, record.suggestions());
        }
        TrainingRecord record = TrainingRecord.read(dir);
        List<EpochMetrics> epochs = record.epochs();
        double[] e = new double[epochs.size()];
        double[] acc = new double[e.length];
        double[] loss = new double[e.length];
        double[] train = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = epochs.get(i).epoch() + 1; // epochs are counted from 1 wherever people read them
            acc[i] = epochs.get(i).valAccuracy();
            loss[i] = epochs.get(i).valLoss();
            train[i] = epochs.get(i).trainLoss();
        }
        long[] iterations = record.iterations().iteration();
        double[] it = new double[iterations.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = iterations[i];
        }
        return new ComparedRun(dir, name, color, false, e, acc, loss, train, it, record.iterations().lr(), new double[0],
                null);
    }
}
