package lrwb.engine.export;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.MomentumCurve;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every Python snippet and compares the LR of every update, or after every epoch for a plateau, with our
 * evaluator, one python process per language: PyTorch with the real torch, stepped once per batch (skipped where no
 * python3 has torch); Keras, transformers and optax against the stand-ins in src/test/resources/export/python/standins,
 * which copy those libraries' published formulas (they are not installable here). Skipped when there is no python3.
 */
class PythonExportTest {
    private static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Interpreters to try, in order: the system one (where Debian's python3-torch lives), then the one on the PATH. */
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    @TestFactory
    Stream<DynamicTest> pytorch() throws Exception {
        Optional<String> python = PYTHONS.stream().filter(PythonExportTest::hasTorch).findFirst();
        assumeTrue(python.isPresent(), "no python3 with torch (tried " + String.join(", ", PYTHONS)
                + "): the PyTorch snippets were not run; apt-get install python3-torch");
        return compare(CodeLanguage.PYTORCH, python.get());
    }

    @TestFactory
    Stream<DynamicTest> keras() throws Exception {
        return compare(CodeLanguage.KERAS, anyPython());
    }

    @TestFactory
    Stream<DynamicTest> transformers() throws Exception {
        return compare(CodeLanguage.TRANSFORMERS, anyPython());
    }

    @TestFactory
    Stream<DynamicTest> optax() throws Exception {
        return compare(CodeLanguage.OPTAX, anyPython());
    }

    private static String anyPython() {
        Optional<String> python = PYTHONS.stream().filter(p -> runs(p, "pass")).findFirst();
        assumeTrue(python.isPresent(), "no python3 (tried " + String.join(", ", PYTHONS) + "): the snippets were not run");
        return python.get();
    }

    private Stream<DynamicTest> compare(CodeLanguage lang, String python) throws Exception {
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
        List<WithOptimizer> withOptimizer = lang == CodeLanguage.PYTORCH ? WITH_OPTIMIZER : List.of();
        for (WithOptimizer w : withOptimizer) {
            ExportCases.Formula c = w.exportCase();
            input(cases, w.name(), lang, CodeExport.snippet(c.spec(), lang, c.stepsPerEpoch(), OptimizerSpec.parse(w.optimizer())))
                    .put("steps", c.steps());
        }
        Map<String, JsonNode> results = new HashMap<>();
        run(python, cases).forEach(r -> results.put(r.get("name").asText(), r));

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
            Optional<MomentumCurve> momentum = MomentumCurve.of(c.spec());
            if (lang == CodeLanguage.PYTORCH && momentum.isPresent()) { // set by the scheduler, or by momentum_at
                assertClose(c.name() + " momentum", result.get("momentums"), momentum.get().curve(c.steps(), c.stepsPerEpoch()));
            }
        }));
        Stream<DynamicTest> plateaus = ExportCases.PLATEAUS.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertClose(c.name(), resultOf(results, c.name()).get("lrs"), c.spec().simulate(c.metrics()))));
        Stream<DynamicTest> optimizers = withOptimizer.stream().map(w -> DynamicTest.dynamicTest(w.name(), () -> {
            ExportCases.Formula c = w.exportCase();
            JsonNode result = resultOf(results, w.name());
            assertClose(w.name(), result.get("lrs"), c.spec().curve(c.steps(), c.stepsPerEpoch()));
            Optional<MomentumCurve> momentum = MomentumCurve.of(c.spec());
            if (momentum.isPresent() && TorchOptimizer.takesCycledMomentum(OptimizerSpec.parse(w.optimizer()))) {
                assertClose(w.name() + " momentum", result.get("momentums"), momentum.get().curve(c.steps(), c.stepsPerEpoch()));
            } else if (momentum.isPresent()) { // not cycled: torch's SGD keeps its momentum 0
                assertClose(w.name() + " momentum", result.get("momentums"), new double[c.steps()]);
            }
        }));
        return Stream.of(formulas, plateaus, optimizers).flatMap(t -> t);
    }

    /** A PyTorch snippet with the optimizer's own line: Adam's beta1 cycled by OneCycleLR, a cycle that must not reach SGD. */
    private record WithOptimizer(String caseName, String optimizer) {
        String name() {
            return caseName + " with " + optimizer;
        }

        ExportCases.Formula exportCase() {
            return ExportCases.FORMULAS.stream().filter(c -> c.name().equals(caseName)).findFirst().orElseThrow();
        }
    }

    private static final List<WithOptimizer> WITH_OPTIMIZER = List.of(
            new WithOptimizer("oneCycle-cos", "adam"),
            new WithOptimizer("oneCycle-threePhase", "adamw:wd=0.05,beta2=0.98"),
            new WithOptimizer("warmup-oneCycle-momentum", "nadam"),
            new WithOptimizer("cyclic", "nesterov:momentum=0.95"),
            new WithOptimizer("oneCycle-cos", "sgd"),
            new WithOptimizer("cyclic-epoch", "rmsprop"),
            new WithOptimizer("warmup-cosine", "sgd:wd=1e-4"),
            new WithOptimizer("wsd", "adagrad:initialAccumulator=0.1"));

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

    private static JsonNode run(String interpreter, ArrayNode cases) throws Exception {
        Path script = Path.of(PythonExportTest.class.getResource("/export/python/run_snippets.py").toURI());
        ProcessBuilder builder = new ProcessBuilder(interpreter, "-B", script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // Stand-ins for what is not installed; torch's only where the real one is missing (transformers builds on it).
        String path = script.resolveSibling("standins").toString();
        if (!hasTorch(interpreter)) {
            path += File.pathSeparator + script.resolveSibling("standin_torch");
        }
        builder.environment().put("PYTHONPATH", path);
        Process python = builder.start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(cases));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(python.exitValue()).as("python3 exit code; output:\n" + out).isZero();
        return JSON.readTree(out);
    }

    /** Whether the interpreter finds a torch package (without importing it: that takes seconds). */
    private static boolean hasTorch(String python) {
        return runs(python, "import importlib.util, sys; sys.exit(importlib.util.find_spec('torch') is None)");
    }

    private static final Map<String, Boolean> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether {@code python -c code} succeeds (without the stand-ins on its path); asked once per interpreter and code. */
    private static boolean runs(String python, String code) {
        return RUNS.computeIfAbsent(python + "\n" + code, k -> tryRun(python, code));
    }

    private static boolean tryRun(String python, String code) {
        try {
            ProcessBuilder builder = new ProcessBuilder(python, "-c", code).redirectErrorStream(true);
            builder.environment().remove("PYTHONPATH");
            Process p = builder.start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
