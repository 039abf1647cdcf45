package lrwb.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md: the model side of every workspace holds JavaFX properties but never a node, a stage or a control
 * (so it is testable without a stage), and hands engine data to the FX thread only through FrameQueue or
 * BackgroundWork, never with a Platform.runLater per item. Checked on the sources.
 */
class ViewModelPurityTest {
    private static final List<String> MODEL_SIDE = List.of(
            "designer/DesignerViewModel", "designer/CurveModel", "designer/ParamForm", "designer/ParamField",
            "designer/ParamInfo", "designer/ParamKind", "designer/ParamTable", "designer/FieldCodec",
            "designer/PlateauExample", "designer/CurveSamples", "designer/FormulaText", "designer/Preset",
            "designer/ScheduleTypes", "files/ScheduleLibrary", "designer/CurveCsv", "designer/SnippetFormat",
            "designer/Notice",
            "finder/FinderViewModel", "finder/FinderRun",
            "form/InputField", "form/FormErrors", "form/RunSetup", "form/RunSetupForm",
            "training/TrainingViewModel", "training/TrainingRun", "training/RunSeries", "training/RunState",
            "training/QueueMode", "training/TrainingForm", "training/ScheduleChoice", "training/ScheduleSource",
            "text/ScheduleSummary", "training/RecordedRun", "text/DurationText", "text/DistinctNames",
            "training/MarkText",
            "runs/RunsViewModel", "runs/RunRow", "runs/RunSnapshot", "runs/ComparedRun", "runs/KindFilter", "runs/MetricsFile");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void modelClassesImportNoNodesStagesOrControls() throws IOException {
        Path dir = Path.of("src/main/java/lrwb/app");
        for (String name : MODEL_SIDE) {
            String source = Files.readString(dir.resolve(name + ".java"));
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String imported = m.group(2);
                boolean scene = imported.startsWith("javafx.scene.") && !imported.startsWith("javafx.scene.paint.");
                assertThat(scene || imported.startsWith("javafx.stage.") || imported.startsWith("org.controlsfx."))
                        .as("%s imports %s", name, imported).isFalse();
            }
            assertThat(source).as("%s hands over through FrameQueue or BackgroundWork", name).doesNotContain("Platform.runLater(");
        }
    }
}
