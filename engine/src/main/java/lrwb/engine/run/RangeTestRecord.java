package lrwb.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.Suggestions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A range test read back from its folder, as far as it is readable: to reopen it in the LR Finder, overlay it on
 * another or compare it in Runs. Damaged rows are left out and named in {@link RunRecord#problems()}.
 */
public record RangeTestRecord(RunRecord run, List<RangePoint> points, Suggestions suggestions) {

    /** @throws IOException when the folder holds no range test at all (another kind, or nothing readable) */
    public static RangeTestRecord read(Path dir) throws IOException {
        RunRecord run = RunRecord.read(dir);
        if (run.kind() != RunKind.RANGE_TEST) {
            throw new IOException(dir.getFileName() + " is a " + run.kind().label() + " run, not a range test");
        }
        List<String> problems = new ArrayList<>();
        List<RangePoint> points = new ArrayList<>();
        CsvTable table = TrainingRecord.table(dir, RunFiles.RANGE, RunFiles.RANGE_HEADER, problems);
        if (table != null) {
            table = table.keepInOrder(MetricRules::rangeRow);
            problems.addAll(table.problems());
            for (double[] r : table.rows()) {
                points.add(new RangePoint((int) r[0], r[1], r[2], r[3]));
            }
        }
        Path file = dir.resolve(RunFiles.SUGGESTIONS);
        Suggestions suggestions;
        if (!Files.exists(file)) {
            suggestions = Suggestions.none("the test did not finish: no suggestions were written");
        } else {
            try {
                suggestions = readSuggestions(file);
            } catch (IOException e) {
                problems.add(RunFiles.SUGGESTIONS + " cannot be read (" + e.getMessage() + ")");
                suggestions = Suggestions.none(RunFiles.SUGGESTIONS + " cannot be read");
            }
        }
        return new RangeTestRecord(run.withProblems(problems), List.copyOf(points), suggestions);
    }

    /** Writes points as range.csv's columns (the Finder's CSV export). */
    public static void writeCsv(List<RangePoint> points, Path file) throws IOException {
        RangeTestRecorder.writeCsv(points, file);
    }

    private static Suggestions readSuggestions(Path file) throws IOException {
        JsonNode n;
        try (InputStream in = Files.newInputStream(file)) {
            n = new ObjectMapper().readTree(in);
        }
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode cyclic = n.path("cyclic");
        return new Suggestions(number(n, "minimum10"), number(n, "steepest"), number(n, "valley"), number(n, "slide"),
                cyclic.isObject() ? new Suggestions.CyclicBounds(cyclic.path("lower").asDouble(), cyclic.path("upper").asDouble()) : null,
                n.path("message").isTextual() ? n.path("message").asText() : null,
                n.path("warning").isTextual() ? n.path("warning").asText() : null);
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
