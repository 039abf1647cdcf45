package lrwb.engine.finder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.run.CsvTable;
import lrwb.engine.run.RunInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A range test read back from its folder, to reopen it in the LR Finder or overlay it on another. */
public record RangeTestRecord(RunInfo info, List<RangePoint> points, Suggestions suggestions) {

    public static RangeTestRecord read(Path dir) throws IOException {
        RunInfo info = RunInfo.read(dir);
        CsvTable table = CsvTable.read(dir.resolve(RangeTestRecorder.RANGE), "iteration,lr,loss,smoothed_loss");
        List<RangePoint> points = new ArrayList<>();
        for (double[] r : table.rows()) {
            points.add(new RangePoint((int) r[0], r[1], r[2], r[3]));
        }
        Path file = dir.resolve(RangeTestRecorder.SUGGESTIONS);
        Suggestions suggestions = Files.exists(file) ? readSuggestions(file)
                : Suggestions.none("the test did not finish: no suggestions were written");
        return new RangeTestRecord(info, points, suggestions);
    }

    private static Suggestions readSuggestions(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        JsonNode cyclic = n.path("cyclic");
        return new Suggestions(number(n, "minimum10"), number(n, "steepest"), number(n, "valley"),
                cyclic.isObject() ? new Suggestions.CyclicBounds(cyclic.path("lower").asDouble(), cyclic.path("upper").asDouble()) : null,
                n.path("message").isTextual() ? n.path("message").asText() : null);
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
