package lrwb.engine.run;

import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.TrainingEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training run read back from its folder, as far as it is readable: for the Training workspace (reopen), the
 * Runs comparison and sweeps. A half-written last line (a killed run) is dropped; damaged rows are left out and
 * named in {@link RunRecord#problems()}.
 */
public record TrainingRecord(RunRecord run, IterationTable iterations, List<EpochMetrics> epochs, List<TrainingEvent> events) {

    /** @throws IOException when the folder holds no training run at all (another kind, or nothing readable) */
    public static TrainingRecord read(Path dir) throws IOException {
        RunRecord run = RunRecord.read(dir);
        if (run.kind() != RunKind.TRAINING) {
            throw new IOException(dir.getFileName() + " is a " + run.kind().label() + ", not a training run");
        }
        List<String> problems = new ArrayList<>();
        IterationTable iterations = IterationTable.EMPTY;
        CsvTable it = table(dir, RunFiles.ITERATIONS, RunFiles.ITERATIONS_HEADER, problems);
        if (it != null) {
            it = it.keepInOrder(MetricRules::iterationRow);
            problems.addAll(it.problems());
            iterations = IterationTable.of(it);
        }
        List<EpochMetrics> epochs = readEpochs(dir, problems);
        List<TrainingEvent> events = readEvents(dir.resolve(RunFiles.EVENTS));
        return new TrainingRecord(run.withProblems(problems), iterations, epochs, events);
    }

    /**
     * A training run's sound epoch rows alone, its per-update table left unread: a sweep's row needs no more, and a
     * cell's thousands of update rows cost more to parse than the rest of its row.
     */
    public static List<EpochMetrics> readEpochs(Path trainingRun) {
        return readEpochs(trainingRun, new ArrayList<>());
    }

    /** epochs.csv's sound rows; what is wrong with the others is added to {@code problems}. */
    static List<EpochMetrics> readEpochs(Path dir, List<String> problems) {
        CsvTable table = table(dir, RunFiles.EPOCHS, RunFiles.EPOCHS_HEADER, problems);
        if (table == null) {
            return List.of();
        }
        table = table.keepInOrder(MetricRules::epochRow);
        problems.addAll(table.problems());
        List<EpochMetrics> epochs = new ArrayList<>(table.rows().size());
        for (double[] r : table.rows()) {
            epochs.add(new EpochMetrics((int) r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        return List.copyOf(epochs);
    }

    /** The best validation accuracy of any epoch, NaN before the first epoch ended. */
    public double bestValAccuracy() {
        return bestValAccuracy(epochs);
    }

    static double bestValAccuracy(List<EpochMetrics> epochs) {
        return epochs.stream().mapToDouble(EpochMetrics::valAccuracy).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** A metrics table, or null (with the reason among the problems) when the file is missing or not ours. */
    static CsvTable table(Path dir, String file, String header, List<String> problems) {
        try {
            return CsvTable.read(dir.resolve(file), header);
        } catch (NoSuchFileException e) {
            problems.add("no " + file);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return null;
    }

    private static List<TrainingEvent> readEvents(Path file) {
        List<TrainingEvent> events = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return events; // events are marks on the charts: a run without them still has its curves
        }
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
        return List.copyOf(events);
    }
}
