package lrwb.app.designer;

import lrwb.app.files.ScheduleLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.SequentialSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Adding, removing, retyping and moving the parts of a sequential, in the ViewModel, without a stage. */
class SequentialPartsTest {
    @TempDir
    Path home;
    DesignerViewModel vm;
    CurveModel warm;

    @BeforeEach
    void setUp() {
        vm = new DesignerViewModel(new ScheduleLibrary(new WorkbenchHome(home)), List.of(), new CurrentThreadTaskExecutor());
        // linear warmup 500 steps to 0.1, then cosine 0.1 over 9500: milestones [500]
        warm = vm.addPreset(Preset.named("Cosine + warmup"));
    }

    private static List<String> types(CurveModel c) {
        List<String> types = new ArrayList<>();
        c.edited().get("schedules").forEach(p -> types.add(p.get("type").asText()));
        return types;
    }

    private static List<Long> milestones(CurveModel c) {
        List<Long> ms = new ArrayList<>();
        c.edited().get("milestones").forEach(m -> ms.add(m.isNumber() ? m.longValue() : -1));
        return ms;
    }

    private static JsonNode part(CurveModel c, int i) {
        return c.edited().get("schedules").get(i);
    }

    private static JsonNode tree(String json) {
        return ScheduleJson.toTree(ScheduleJson.parse(json));
    }

    private static double lr(CurveModel c, long t) {
        return ((FormulaSchedule) c.spec()).lrAtIteration(t, 100);
    }

    private static double lr(String json, long t) {
        return ((FormulaSchedule) ScheduleJson.parse(json)).lr(t);
    }

    private List<String> sectionTitles() {
        return vm.formProperty().get().sections().stream().map(ParamForm.Section::title).toList();
    }

    @Test
    void addAppendsAStarterPartAQuarterOfTheChartAfterTheLastMilestone() {
        assertThat(vm.addPart("cosine")).isTrue();
        assertThat(types(warm)).containsExactly("linear", "cosine", "cosine");
        assertThat(milestones(warm)).containsExactly(500L, 3000L); // 500 + 10,000 / 4
        assertThat(part(warm, 2)).isEqualTo(tree("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10000}"));
        assertThat(warm.isValid()).isTrue();
        assertThat(((SequentialSchedule) warm.spec()).schedules()).hasSize(3);

        String cos9500 = "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":9500}";
        String cos10000 = "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10000}";
        assertThat(lr(warm, 2999)).isEqualTo(lr(cos9500, 2499));
        assertThat(lr(warm, 3000)).as("the new part starts at its peak").isEqualTo(0.1);
        assertThat(lr(warm, 5000)).isEqualTo(lr(cos10000, 2000));
        assertThat(sectionTitles()).containsExactly("Part 1 · Linear", "Part 2 · Cosine decay", "Part 3 · Cosine decay",
                "Joining the parts");
        assertThat(vm.formProperty().get().sections().get(2).part()).isEqualTo(2);
        assertThat(vm.noticeProperty().get()).isEqualTo(Notice.info("Added part 3 · Cosine decay"));
    }

    @Test
    void anAddedPartStartsAtThePeakOfThePartBeforeIt() {
        vm.formProperty().get().field("sequential.schedules[1].cosine.lr").textProperty().set("0.02");
        vm.addPart("constant");
        vm.addPart("cyclic");
        assertThat(types(warm)).containsExactly("linear", "cosine", "constant", "cyclic");
        assertThat(milestones(warm)).containsExactly(500L, 3000L, 5500L);
        assertThat(part(warm, 2)).isEqualTo(tree("{\"type\":\"constant\",\"lr\":0.02}"));
        assertThat(part(warm, 3)).isEqualTo(tree("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.02,\"stepSizeUp\":2000}"));
        assertThat(lr(warm, 4000)).isEqualTo(0.02);
        assertThat(lr(warm, 5500)).isEqualTo(0.001);
        assertThat(lr(warm, 7500)).isEqualTo(0.02);
    }

    @Test
    void addingToAChartInEpochsUsesAQuarterOfTheEpochs() {
        CurveModel one = vm.addType("sequential");
        vm.removePart(1);
        assertThat(milestones(one)).isEmpty();
        vm.formProperty().get().field("sequential.unit").textProperty().set("epoch");
        vm.addPart("step");
        assertThat(milestones(one)).containsExactly(25L); // 100 epochs / 4
        assertThat(types(one)).containsExactly("linear", "step");
        assertThat(one.isValid()).isTrue();
    }

    @Test
    void removeTakesTheMilestoneThatStartsThePartAndRefusesTheLastOne() {
        vm.addPart("cosine"); // linear | 500 | cosine 9500 | 3000 | cosine 10000
        assertThat(vm.removePart(1)).isTrue();
        assertThat(types(warm)).containsExactly("linear", "cosine");
        assertThat(milestones(warm)).containsExactly(3000L);
        assertThat(part(warm, 1).get("decaySteps").asLong()).isEqualTo(10000);
        assertThat(lr(warm, 2999)).as("the warmup holds its end value").isCloseTo(0.1, within(1e-15));
        assertThat(lr(warm, 3000)).isEqualTo(0.1);
        assertThat(lr(warm, 8000)).isEqualTo(lr("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10000}", 5000));
        assertThat(vm.noticeProperty().get()).isEqualTo(Notice.info("Removed part 2 · Cosine decay"));

        assertThat(vm.removePart(0)).as("the first part takes the first milestone with it").isTrue();
        assertThat(types(warm)).containsExactly("cosine");
        assertThat(milestones(warm)).isEmpty();
        assertThat(lr(warm, 0)).isEqualTo(0.1);
        assertThat(sectionTitles()).containsExactly("Part 1 · Cosine decay", "Joining the parts");

        ObjectNode before = warm.edited();
        assertThat(vm.removePart(0)).isFalse();
        assertThat(warm.edited()).isEqualTo(before);
        assertThat(vm.noticeProperty().get())
                .isEqualTo(Notice.error("Not removed: a sequential needs at least one part. Change its type instead."));
        assertThat(vm.removePart(3)).isFalse();
    }

    @Test
    void changingATypeKeepsThePeakLr() {
        vm.formProperty().get().field("sequential.schedules[0].linear.lr").textProperty().set("0.05");
        assertThat(vm.changePartType(0, "constant")).isTrue();
        assertThat(part(warm, 0)).isEqualTo(tree("{\"type\":\"constant\",\"lr\":0.05}"));
        assertThat(vm.changePartType(1, "oneCycle")).isTrue();
        assertThat(part(warm, 1)).isEqualTo(tree("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10000}"));
        assertThat(types(warm)).containsExactly("constant", "oneCycle");
        assertThat(milestones(warm)).containsExactly(500L);
        assertThat(lr(warm, 499)).isEqualTo(0.05);
        assertThat(lr(warm, 500)).isCloseTo(0.1 / 25, within(1e-12)); // one-cycle starts at maxLr / divFactor
        assertThat(sectionTitles()).containsExactly("Part 1 · Constant", "Part 2 · One-cycle", "Joining the parts");

        vm.changePartType(1, "piecewise"); // no lr to keep: the starter's values
        assertThat(part(warm, 1)).isEqualTo(tree(ScheduleTypes.of("piecewise").starterJson()));
        vm.changePartType(1, "cyclic"); // piecewise has no peak: the starter's
        assertThat(part(warm, 1)).isEqualTo(tree(ScheduleTypes.of("cyclic").starterJson()));
        assertThat(vm.changePartType(0, "cyclic")).isTrue(); // 0.05 is above the starter's base 0.001
        assertThat(part(warm, 0)).isEqualTo(tree("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.05,\"stepSizeUp\":2000}"));
    }

    @Test
    void aPlateauCannotBeAPart() {
        ObjectNode before = warm.edited();
        assertThat(ScheduleTypes.PART_TYPES).doesNotContain("plateau", "sequential").contains("linear", "cosine", "constant");
        assertThat(vm.addPart("plateau")).isFalse();
        assertThat(vm.changePartType(1, "plateau")).isFalse();
        assertThat(warm.edited()).isEqualTo(before);
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).startsWith("A part cannot be Reduce on plateau");
    }

    @Test
    void moveSwapsPartsAndKeepsTheMilestones() {
        assertThat(vm.movePart(0, 1)).isTrue();
        assertThat(types(warm)).containsExactly("cosine", "linear");
        assertThat(milestones(warm)).containsExactly(500L);
        assertThat(lr(warm, 0)).isEqualTo(0.1);
        assertThat(lr(warm, 500)).isCloseTo(0.001, within(1e-15)); // linear restarts at startFactor 0.01 · 0.1
        assertThat(vm.movePart(0, -1)).isFalse();
        assertThat(vm.movePart(1, 1)).isFalse();
        assertThat(vm.movePart(1, -1)).isTrue();
        assertThat(types(warm)).containsExactly("linear", "cosine");
    }

    @Test
    void aWarmupConstantCosineChainFromThePreset() {
        vm.addPart("constant");
        vm.movePart(2, -1);
        assertThat(types(warm)).containsExactly("linear", "constant", "cosine");
        assertThat(milestones(warm)).containsExactly(500L, 3000L);
        assertThat(lr(warm, 250)).isCloseTo(0.1 * (0.01 + 0.99 * 0.5), within(1e-12));
        assertThat(lr(warm, 2999)).isEqualTo(0.1);
        assertThat(lr(warm, 3000)).isEqualTo(0.1);
        assertThat(lr(warm, 3000 + 4750)).isCloseTo(0.05, within(1e-12)); // half way down the 9500-step cosine
    }

    @Test
    void anInvalidChainShowsTheEnginesMessageAndTheChartKeepsTheLastValidCurve() {
        vm.formProperty().get().field("sequential.milestones").textProperty().set("12000");
        assertThat(warm.isValid()).isTrue();
        vm.addPart("constant");
        assertThat(milestones(warm)).containsExactly(12000L, 14500L);
        assertThat(warm.isValid()).isTrue();
        vm.formProperty().get().field("sequential.milestones").textProperty().set("12000, 400");
        assertThat(warm.isValid()).isFalse();
        String message = warm.errorProperty().get().getMessage();
        assertThat(message).startsWith("sequential.milestones");
        assertThat(vm.formProperty().get().field("sequential.milestones").errorProperty().get()).isEqualTo(message);
        assertThat(((SequentialSchedule) warm.spec()).milestones()).containsExactly(12000L, 14500L);

        vm.addPart("cosine"); // builds on the invalid edit: still invalid, still the engine's message
        assertThat(milestones(warm)).containsExactly(12000L, 400L, 14500L);
        assertThat(warm.isValid()).isFalse();
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).contains(warm.errorProperty().get().getMessage());
        assertThat(((SequentialSchedule) warm.spec()).milestones()).as("last valid").containsExactly(12000L, 14500L);

        vm.removePart(2); // takes milestone 400 away: valid again
        assertThat(milestones(warm)).containsExactly(12000L, 14500L);
        assertThat(warm.isValid()).isTrue();
        assertThat(types(warm)).containsExactly("linear", "cosine", "cosine");
    }

    @Test
    void partEditsNeedASequential() {
        vm.addType("cosine");
        assertThat(vm.addPart("constant")).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo(Notice.error("Select a sequential schedule to edit its parts"));
    }
}
