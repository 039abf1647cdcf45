package lrwb.app.arch;

import com.fasterxml.jackson.databind.JsonNode;
import lrwb.engine.data.DataOptions;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md: every run record is read through the engine's reader, so no JSON key of run.json or
 * suggestions.json and no CSV header or column name of a run's files is spelled in the app's sources, and no app
 * class outside the Designer (which edits schedule specs, not records) touches JSON at all. Keys come from what the
 * engine writes. Single plain words ("model", "iteration") and the request records' field names ("startLr", which
 * the engine's validation messages name) are also everyday UI words; the keys only a record has are checked.
 */
class RecordFormatOwnershipTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Suggestions.json's keys (the engine's writer is package-private; these are specs/lr-finder.md's). */
    private static final List<String> SUGGESTION_KEYS = List.of("minimum10", "steepest", "valley", "cyclic", "lower", "upper",
            "diverged", "stoppedAt", "iterations", "message");

    @Test
    void theAppSpellsNoRecordKeyAndNoCsvHeader() throws IOException {
        Set<String> owned = new TreeSet<>(SUGGESTION_KEYS);
        TrainingRequest training = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"), OptimizerSpec.parse("sgd"),
                new ConstantSchedule(0.1), 1, 16, 42, null);
        RangeTestRequest range = new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"), OptimizerSpec.parse("sgd"),
                16, RangeTestConfig.defaults());
        for (JsonNode config : List.of(training.toJson(), range.toJson())) {
            RunInfo info = new RunInfo(RunKind.TRAINING, "n", RunStatus.FINISHED, (com.fasterxml.jackson.databind.node.ObjectNode) config,
                    Instant.EPOCH, Instant.EPOCH, "m", 1, Instant.EPOCH);
            collectKeys(info.toJson(), owned);
        }
        assertThat(owned).as("what run.json holds").contains("startedAt", "endedAt", "processStartedAt");
        Set<String> checked = new TreeSet<>(RECORD_ONLY_KEYS);
        for (String header : RunFiles.csvHeaders()) {
            checked.add(header);
            for (String column : header.split(",")) {
                if (column.contains("_")) {
                    checked.add(column);
                }
            }
        }

        List<String> offences = new ArrayList<>();
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean designer = sources.relativize(file).toString().startsWith("lrwb/app/designer/");
                if (!designer && lines.stream().anyMatch(l -> l.startsWith("import com.fasterxml.jackson"))) {
                    offences.add(sources.relativize(file) + " imports Jackson");
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("Property(this, \"") || lines.get(i).contains("Wrapper(this, \"")) {
                        continue; // a JavaFX property's own name, not a record key
                    }
                    Matcher m = LITERAL.matcher(lines.get(i));
                    while (m.find()) {
                        if (checked.contains(m.group(1))) {
                            offences.add(sources.relativize(file) + ":" + (i + 1) + " \"" + m.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offences).as("record keys and CSV headers spelled in the app").isEmpty();
    }

    /** Keys of run.json (its plan included) and suggestions.json that mean nothing but the record. */
    private static final List<String> RECORD_ONLY_KEYS = List.of("startedAt", "endedAt", "processStartedAt", "stepsPerEpoch",
            "trainSize", "validationSize", "minimum10", "stoppedAt");

    private static void collectKeys(JsonNode node, Set<String> into) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            into.add(name);
            JsonNode child = node.get(name);
            if (child.isObject() && !name.equals("schedule")) {
                collectKeys(child, into);
            }
        }
    }
}
