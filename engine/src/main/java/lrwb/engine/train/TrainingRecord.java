package lrwb.engine.train;

import lrwb.engine.run.CsvTable;
import lrwb.engine.run.RunInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training run read back from its folder (what {@link TrainingRecorder} wrote), for the Runs workspace
 * and comparisons. Tolerates a half-written last line, as a killed run leaves it.
 */
public record TrainingRecord(RunInfo info, CsvTable iterations, List<EpochMetrics> epochs, List<TrainingEvent> events) {

    public static TrainingRecord read(Path dir) throws IOException {
        RunInfo info = RunInfo.read(dir);
        CsvTable iterations = CsvTable.read(dir.resolve(TrainingRecorder.ITERATIONS), "iteration,epoch,lr,loss");
        CsvTable epochTable = CsvTable.read(dir.resolve(TrainingRecorder.EPOCHS),
                "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds");
        List<EpochMetrics> epochs = new ArrayList<>();
        for (double[] r : epochTable.rows()) {
            epochs.add(new EpochMetrics((int) r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        return new TrainingRecord(info, iterations, epochs, readEvents(dir.resolve(TrainingRecorder.EVENTS)));
    }

    /** The best validation accuracy of any epoch, NaN before the first epoch ended. */
    public double bestValAccuracy() {
        return epochs.stream().mapToDouble(EpochMetrics::valAccuracy).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private static List<TrainingEvent> readEvents(Path file) throws IOException {
        List<TrainingEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", 5);
            if (cells.length < 5) {
                continue;
            }
            try {
                String message = cells[4];
                if (message.length() >= 2 && message.startsWith("\"") && message.endsWith("\"")) {
                    message = message.substring(1, message.length() - 1).replace("\"\"", "\"");
                }
                events.add(new TrainingEvent(TrainingEvent.Kind.valueOf(cells[2].toUpperCase(Locale.ROOT)),
                        Long.parseLong(cells[0]), Integer.parseInt(cells[1]), Double.parseDouble(cells[3]), message));
            } catch (IllegalArgumentException e) {
                // a half-written or foreign line: skip it, keep the rest
            }
        }
        return events;
    }
}
