package lrwb.app.designer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Designer's model side holds JavaFX properties but never a node, a stage or a dialog (DESIGN.md: a
 * ViewModel is testable without a stage). Checked on the imports of its source files.
 */
class ViewModelPurityTest {
    private static final List<String> MODEL_SIDE = List.of("DesignerViewModel", "CurveModel", "ParamForm", "ParamField",
            "ParamInfo", "ParamKind", "ParamTable", "FieldCodec", "PlateauExample", "CurveSamples", "FormulaText",
            "Preset", "ScheduleTypes", "ScheduleLibrary", "CurveCsv", "SnippetFormat", "Notice");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void modelClassesImportNoNodesStagesOrControls() throws IOException {
        Path dir = Path.of("src/main/java/lrwb/app/designer");
        for (String name : MODEL_SIDE) {
            String source = Files.readString(dir.resolve(name + ".java"));
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String imported = m.group(2);
                boolean scene = imported.startsWith("javafx.scene.") && !imported.startsWith("javafx.scene.paint.");
                assertThat(scene || imported.startsWith("javafx.stage.") || imported.startsWith("org.controlsfx."))
                        .as("%s imports %s", name, imported).isFalse();
            }
        }
    }
}
