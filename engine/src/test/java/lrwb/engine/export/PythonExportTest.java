package lrwb.engine.export;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every PyTorch and Keras snippet with python3 against the stand-in torch/keras packages in
 * src/test/resources/export/python (the real ones are not installable here) and compares the LR of every
 * update, or after every epoch for a plateau, with our evaluator. Skipped when there is no python3.
 */
class PythonExportTest {
    private static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TestFactory
    Stream<DynamicTest> pytorch() throws Exception {
        return compare(CodeLanguage.PYTORCH);
    }

    @TestFactory
    Stream<DynamicTest> keras() throws Exception {
        return compare(CodeLanguage.KERAS);
    }

    private Stream<DynamicTest> compare(CodeLanguage lang) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not on the PATH");
        ArrayNode cases = JSON.createArrayNode();
        for (ExportCases.Formula c : ExportCases.FORMULAS) {
            input(cases, c.name(), lang, CodeExport.snippet(c.spec(), lang, c.stepsPerEpoch())).put("steps", c.steps());
        }
        for (ExportCases.Plateau c : ExportCases.PLATEAUS) {
            ArrayNode metrics = input(cases, c.name(), lang, CodeExport.snippet(c.spec(), lang)).putArray("metrics");
            for (double m : c.metrics()) {
                metrics.add(m);
            }
        }
        Map<String, JsonNode> results = new HashMap<>();
        run(cases).forEach(r -> results.put(r.get("name").asText(), r));

        Stream<DynamicTest> formulas = ExportCases.FORMULAS.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            double[] expected = new double[c.steps()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.spec().lrAtIteration(i, c.stepsPerEpoch());
            }
            JsonNode result = resultOf(results, c.name());
            assertClose(c.name(), result.get("lrs"), expected);
            if (result.has("restored")) { // a Keras schedule after get_config / from_config
                assertClose(c.name() + " restored from get_config", result.get("restored"), expected);
            }
        }));
        Stream<DynamicTest> plateaus = ExportCases.PLATEAUS.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertClose(c.name(), resultOf(results, c.name()).get("lrs"), c.spec().simulate(c.metrics()))));
        return Stream.concat(formulas, plateaus);
    }

    private static ObjectNode input(ArrayNode cases, String name, CodeLanguage lang, String code) {
        return cases.addObject().put("name", name).put("framework", lang.cliName()).put("code", code);
    }

    private static JsonNode resultOf(Map<String, JsonNode> results, String name) {
        JsonNode result = results.get(name);
        assertThat(result).as("result of " + name).isNotNull();
        assertThat(result.has("error")).as("%s failed in python:\n%s", name, result.path("error").asText()).isFalse();
        return result;
    }

    private static void assertClose(String what, JsonNode actual, double[] expected) {
        assertThat(actual.size()).as(what + ": number of values").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double a = actual.get(i).asDouble();
            assertThat(Math.abs(a - expected[i])).as("%s at %d: python %s, evaluator %s", what, i, a, expected[i])
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(expected[i]) + 1e-300);
        }
    }

    private static JsonNode run(ArrayNode cases) throws Exception {
        Path script = Path.of(PythonExportTest.class.getResource("/export/python/run_snippets.py").toURI());
        ProcessBuilder builder = new ProcessBuilder("python3", "-B", script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONPATH", script.getParent().toString());
        Process python = builder.start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(cases));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(python.exitValue()).as("python3 exit code; output:\n" + out).isZero();
        return JSON.readTree(out);
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
