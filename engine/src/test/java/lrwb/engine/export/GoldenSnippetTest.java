package lrwb.engine.export;

import lrwb.engine.schedule.ScheduleSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden snippets: the exact text for a set of specs in transformers and optax (which cannot be installed here, so
 * {@link PythonExportTest} runs them only against stand-ins) and in PyTorch's chained forms. A change to the generated
 * code shows up here as a diff to review. To rewrite the files after a deliberate change, run this test with
 * {@code -Dlrwb.golden.write=true} and review the diff of src/test/resources/export/golden.
 */
class GoldenSnippetTest {
    private record Golden(String caseName, CodeLanguage lang) {
        String file() {
            return caseName + "." + lang.cliName() + ".py";
        }
    }

    private static final List<Golden> GOLDENS = Stream.of(
            Stream.of("wsd-spec-warmup", "linear-decay-warmup", "cosine-zero-alpha-warmup", "polynomial-warmup", "inverseSqrt",
                    "warmup-constant", "cyclic", "plateau").map(n -> new Golden(n, CodeLanguage.TRANSFORMERS)),
            Stream.of("step", "multiStep", "piecewise", "warmup-cosine", "sequential", "cyclic", "plateau-abs-cooldown")
                    .map(n -> new Golden(n, CodeLanguage.OPTAX)),
            Stream.of("warmup-cosine", "warmup-oneCycle-momentum", "sequential", "exponential")
                    .map(n -> new Golden(n, CodeLanguage.PYTORCH))).flatMap(s -> s).toList();

    @TestFactory
    Stream<DynamicTest> snippetsAreExactlyTheGoldenText() {
        return GOLDENS.stream().map(g -> DynamicTest.dynamicTest(g.file(), () -> {
            String actual = snippet(g.caseName(), g.lang());
            if (Boolean.getBoolean("lrwb.golden.write")) {
                Files.writeString(Path.of("src/test/resources/export/golden", g.file()), actual);
                return;
            }
            assertThat(actual).as("export/golden/" + g.file()).isEqualTo(read(g.file()));
        }));
    }

    private static String snippet(String caseName, CodeLanguage lang) {
        for (ExportCases.Formula c : ExportCases.FORMULAS) {
            if (c.name().equals(caseName)) {
                return CodeExport.snippet(c.spec(), lang, c.stepsPerEpoch());
            }
        }
        ScheduleSpec plateau = ExportCases.PLATEAUS.stream().filter(c -> c.name().equals(caseName)).findFirst()
                .orElseThrow(() -> new AssertionError("no export case " + caseName)).spec();
        return CodeExport.snippet(plateau, lang);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = GoldenSnippetTest.class.getResourceAsStream("/export/golden/" + file)) {
            assertThat(in).as("export/golden/" + file + " (write it with -Dlrwb.golden.write=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
