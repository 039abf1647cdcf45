package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleScaling;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grid of specs/sweeps.md: expansion order and count, log spacing, the peak scaling, every refusal. */
class SweepGridTest {
    /** 200 training examples of 2 features and 2 classes, without loading anything: batch 32 -> 7 steps per epoch. */
    static final Function<DataOptions, DataFacts> TWO_D = o -> new DataFacts("moons", NetworkShape.tabular(2, 2), 200);
    private final List<DataOptions> asked = new ArrayList<>();

    private SweepGrid grid(String json) {
        return SweepGrid.fromJson(SweepGrid.tree(json), o -> {
            asked.add(o);
            return TWO_D.apply(o);
        });
    }

    private static String base(String more) {
        return "{\"base\": {\"dataset\": \"moons\", \"model\": \"mlp:8\", \"epochs\": 2, \"lr\": 0.1}" + more + "}";
    }

    @Test
    void cellsAreTheCartesianProductInWrittenOrderLastAxisFastest() {
        SweepGrid g = grid(base(", \"axes\": {\"lr\": [0.1, 0.01], \"optimizer\": [\"sgd\", \"adam\"], \"seed\": [1, 2, 3]}"));

        assertThat(g.cells()).hasSize(12);
        assertThat(g.cells()).extracting(SweepCell::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(g.cell(0).axisValues()).containsExactly(Map.entry("lr", "0.1"), Map.entry("optimizer", "sgd"), Map.entry("seed", "1"));
        assertThat(g.cell(1).axisValues()).containsExactly(Map.entry("lr", "0.1"), Map.entry("optimizer", "sgd"), Map.entry("seed", "2"));
        assertThat(g.cell(3).axisValues()).containsExactly(Map.entry("lr", "0.1"), Map.entry("optimizer", "adam"), Map.entry("seed", "1"));
        assertThat(g.cell(6).axisValues()).containsExactly(Map.entry("lr", "0.01"), Map.entry("optimizer", "sgd"), Map.entry("seed", "1"));
        assertThat(g.cell(11).axisValues()).containsExactly(Map.entry("lr", "0.01"), Map.entry("optimizer", "adam"), Map.entry("seed", "3"));
        TrainingRequest r = g.cell(5).request(); // lr 0.1, adam, seed 3
        assertThat(r.optimizer().describe()).startsWith("adam");
        assertThat(r.seed()).isEqualTo(3);
        assertThat(r.data().seed()).as("the data's seed follows the run's, as lrwb train --seed").isEqualTo(3);
        assertThat(r.schedule()).isEqualTo(new ConstantSchedule(0.1));
        assertThat(g.cell(6).request().schedule()).isEqualTo(new ConstantSchedule(0.01));
        assertThat(g.cell(7).folderName()).isEqualTo("0007");
        assertThat(g.stopDiverged()).isTrue();
        assertThat(g.name()).isEqualTo("sweep");
        assertThat(asked).as("the data is looked at once: the seed changes no size").hasSize(1);
    }

    @Test
    void theOrderOfTheAxesAsWrittenDecidesWhichTurnsFastest() {
        SweepGrid g = grid(base(", \"axes\": {\"seed\": [1, 2], \"lr\": [0.1, 0.01, 0.001]}"));

        assertThat(g.cells()).extracting(c -> c.axisValues().get("seed") + "/" + c.axisValues().get("lr"))
                .containsExactly("1/0.1", "1/0.01", "1/0.001", "2/0.1", "2/0.01", "2/0.001");
    }

    @Test
    void noAxesIsOneCellOfTheBase() {
        SweepGrid g = grid(base(", \"stopDiverged\": false, \"name\": \"just one\""));

        assertThat(g.cells()).hasSize(1);
        assertThat(g.cell(0).axisValues()).isEmpty();
        assertThat(g.cell(0).peakLr()).isEqualTo(0.1);
        assertThat(g.stopDiverged()).isFalse();
        assertThat(g.name()).isEqualTo("just one");
        assertThat(g.cell(0).request().name()).isEqualTo("just one #0");
    }

    @Test
    void aLogRangeIncludesBothEndsExactlyAndDecadesAsWritten() {
        assertThat(LogSpace.of(1e-4, 1, 5)).containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(LogSpace.of(1e-3, 0.1, 3)).containsExactly(1e-3, 1e-2, 0.1);
        assertThat(LogSpace.of(1, 1e-2, 3)).containsExactly(1.0, 0.1, 0.01);
        double[] nine = LogSpace.of(1e-4, 1, 9);
        assertThat(nine).hasSize(9);
        assertThat(nine[0]).isEqualTo(1e-4);
        assertThat(nine[8]).isEqualTo(1.0);
        assertThat(nine[1]).isCloseTo(Math.sqrt(10) * 1e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(nine[4]).isEqualTo(1e-2);

        SweepGrid g = grid(base(", \"axes\": {\"lr\": {\"from\": 1e-4, \"to\": 1, \"points\": 5}}"));
        assertThat(g.cells()).extracting(SweepCell::peakLr).containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(g.cells()).extracting(c -> c.axisValues().get("lr")).containsExactly("1e-4", "0.001", "0.01", "0.1", "1");
    }

    @Test
    void theLrAxisSetsTheSchedulesPeakOverTheRun() {
        // 200 examples, batch 32 -> 7 steps per epoch; 2 epochs -> 14 updates
        String cosineWarmup = "{\"type\": \"cosine\", \"lr\": 0.01, \"decaySteps\": 100, \"warmupSteps\": 5, \"warmupTarget\": 0.2}";
        SweepGrid g = grid("{\"base\": {\"dataset\": \"moons\", \"epochs\": 2, \"schedule\": " + cosineWarmup + "},"
                + " \"axes\": {\"lr\": [0.5, 0.05]}}");
        CosineSchedule scaled = (CosineSchedule) g.cell(0).request().schedule();
        assertThat(scaled.warmupTarget()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(scaled.lr()).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-15)); // 0.01 x 0.5 / 0.2
        assertThat(scaled.decaySteps()).isEqualTo(100);
        assertThat(ScheduleScaling.peak(scaled, 14, 7)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(g.cell(0).peakLr()).isEqualTo(0.5);
        assertThat(g.cell(1).peakLr()).isEqualTo(0.05);
    }

    @Test
    void aScheduleWhosePeakLiesBeyondTheRunIsScaledByThePeakTheRunReaches() {
        // cyclic from 0.01 up to 1 over 1000 steps: 14 updates reach only 0.01 + 13 x 0.99 / 1000
        String cyclic = "{\"type\": \"cyclic\", \"baseLr\": 0.01, \"maxLr\": 1, \"stepSizeUp\": 1000}";
        SweepGrid g = grid("{\"base\": {\"dataset\": \"moons\", \"epochs\": 2, \"schedule\": " + cyclic + "}, \"axes\": {\"lr\": [0.1]}}");
        var scaled = g.cell(0).request().schedule();
        assertThat(ScheduleScaling.peak(scaled, 14, 7)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        double reached = 0.01 + 13 * 0.99 / 1000;
        assertThat(((lrwb.engine.schedule.CyclicSchedule) scaled).baseLr()).isCloseTo(0.01 * 0.1 / reached, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void withoutAScheduleTheLrAxisIsAConstantLr() {
        SweepGrid g = grid("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1}, \"axes\": {\"lr\": [0.3]}}");
        assertThat(g.cell(0).request().schedule()).isEqualTo(new ConstantSchedule(0.3));
    }

    @Test
    void baseTakesTheSpecsNamesBatchAndValSplitAsWellAsRunJsonsOwn() {
        SweepGrid g = grid("{\"base\": {\"dataset\": \"moons\", \"model\": \"mlp:4\", \"optimizer\": \"momentum:0.8\", \"batch\": 20,"
                + " \"epochs\": 3, \"valSplit\": 0.25, \"seed\": 9, \"schedule\": {\"type\": \"step\", \"lr\": 0.1, \"stepSize\": 5}}}");
        TrainingRequest r = g.cell(0).request();
        assertThat(r.batchSize()).isEqualTo(20);
        assertThat(r.data().valSplit()).isEqualTo(0.25);
        assertThat(r.data().seed()).isEqualTo(9);
        assertThat(r.seed()).isEqualTo(9);
        assertThat(r.epochs()).isEqualTo(3);
        assertThat(r.model().describe()).isEqualTo("mlp:4");
        assertThat(r.optimizer().describe()).isEqualTo("momentum:0.8");
        assertThat(g.cell(0).peakLr()).isEqualTo(0.1);

        // run.json's own config form: dataset as an object, batchSize
        JsonNode config = r.toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) config).remove("name");
        SweepGrid again = SweepGrid.fromJson(SweepGrid.tree("{\"base\": " + config + "}"), TWO_D);
        assertThat(again.cell(0).request().withName("x")).isEqualTo(r.withName("x"));
    }

    @Test
    void everyAxisReachesTheRequest() {
        SweepGrid g = grid("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"lr\": 0.1}, \"axes\": {"
                + "\"schedule\": [{\"type\": \"exponential\", \"lr\": 0.2, \"decayRate\": 0.5, \"decaySteps\": 10}],"
                + "\"model\": [\"mlp:3\"], \"batch\": [50], \"epochs\": [4], \"dataset\": [\"circles\"], \"seed\": [5]}}");
        TrainingRequest r = g.cell(0).request();
        assertThat(r.schedule().type()).isEqualTo("exponential");
        assertThat(r.model().describe()).isEqualTo("mlp:3");
        assertThat(r.batchSize()).isEqualTo(50);
        assertThat(r.epochs()).isEqualTo(4);
        assertThat(r.data().source()).isEqualTo("circles");
        assertThat(r.seed()).isEqualTo(5);
        assertThat(g.cell(0).peakLr()).isEqualTo(0.2);
    }

    @Test
    void cellsAndTheGridReadBackAsTheyWereWritten(@TempDir Path dir) throws IOException {
        SweepGrid g = grid(base(", \"axes\": {\"lr\": [0.1, 0.01], \"optimizer\": [\"sgd\", \"nadam\"]}"));
        for (SweepCell c : g.cells()) {
            assertThat(SweepCell.fromJson(SweepGrid.tree(c.toJson().toString()))).isEqualTo(c);
        }
        Files.writeString(dir.resolve(SweepGrid.FILE), g.toText());
        SweepGrid read = SweepGrid.read(dir);
        assertThat(read).isEqualTo(g);
    }

    // ---- refusals: one line, naming the field (and the cell) and the rule

    private void refused(String json, String message) {
        assertThatThrownBy(() -> grid(json)).isInstanceOf(InvalidGridException.class).hasMessage(message);
    }

    @Test
    void anUnknownAxisIsNamed() {
        refused(base(", \"axes\": {\"learningRate\": [0.1]}"),
                "axes.learningRate is not an axis (axes: lr, schedule, optimizer, model, batch, seed, epochs, dataset)");
    }

    @Test
    void anEmptyAxisIsNamed() {
        refused(base(", \"axes\": {\"optimizer\": []}"), "axes.optimizer must list at least one value (got [])");
    }

    @Test
    void aLogRangeNeedsTwoPointsAndPositiveEnds() {
        refused(base(", \"axes\": {\"lr\": {\"from\": 1e-4, \"to\": 1, \"points\": 1}}"), "axes.lr.points must be an integer >= 2 (got 1)");
        refused(base(", \"axes\": {\"lr\": {\"from\": 0, \"to\": 1, \"points\": 3}}"), "axes.lr.from must be a finite number > 0 (got 0)");
        refused(base(", \"axes\": {\"lr\": {\"from\": 1e-4, \"points\": 3}}"), "axes.lr.to must be a finite number > 0 (got null)");
        refused(base(", \"axes\": {\"lr\": [0.1, -1]}"), "axes.lr[1] must be a finite number > 0 (got -1)");
    }

    @Test
    void moreThanTenThousandCellsAreRefusedBeforeAnyIsBuilt() {
        refused(base(", \"axes\": {\"lr\": {\"from\": 1e-4, \"to\": 1, \"points\": 101}, \"seed\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
                        + " \"batch\": [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]}"),
                "axes make 10100 cells (101 lr x 10 seed x 10 batch), more than the 10000 a sweep may have");
        assertThat(asked).isEmpty();
        assertThat(grid(base(", \"axes\": {\"lr\": {\"from\": 1e-4, \"to\": 1, \"points\": 100}, \"seed\": "
                + java.util.stream.IntStream.range(0, 100).boxed().toList() + "}")).cells()).hasSize(10_000);
    }

    @Test
    void aCellInvalidOnceScaledNamesTheCellTheFieldAndTheRule() {
        // a cyclic schedule that a short run sees near its base: scaling it to a peak of 1e306 pushes maxLr past the largest double
        String cyclic = "{\"type\": \"cyclic\", \"baseLr\": 0.01, \"maxLr\": 1000, \"stepSizeUp\": 100000}";
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"schedule\": " + cyclic + "}, \"axes\": {\"lr\": [0.1, 1e306]}}",
                "cell 1 (lr=1e306): base.schedule cyclic.maxLr must be a finite number > 0 (got Infinity) once scaled to peak lr 1e306");
    }

    @Test
    void aBatchLargerThanTheDataAndAModelTheDataCannotFeedAreTheirCellsFaults() {
        refused(base(", \"axes\": {\"batch\": [32, 500, 600]}"),
                "cell 1 (batch=500): axes.batch[1] must be at most the training set's size (200 examples of moons; got 500)"
                        + " (2 of 3 cells are invalid)");
        assertThatThrownBy(() -> grid(base(", \"axes\": {\"model\": [\"mlp:8\", \"cnn\"]}")))
                .isInstanceOf(InvalidGridException.class)
                .hasMessageStartingWith("cell 1 (model=cnn): axes.model[1]: ")
                .satisfies(e -> assertThat(((InvalidGridException) e).cell()).isEqualTo(1))
                .satisfies(e -> assertThat(((InvalidGridException) e).field()).isEqualTo("axes.model[1]"));
        refused(base(", \"axes\": {\"optimizer\": [\"sgd\", \"adamm\"]}").replace("\"lr\": 0.1", "\"lr\": 0.1"),
                grid(base("")).cells().isEmpty() ? "" : "cell 1 (optimizer=adamm): axes.optimizer[1]: "
                        + messageOf(() -> lrwb.engine.model.OptimizerSpec.parse("adamm")));
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().startsWith("--") ? e.getMessage().substring(e.getMessage().indexOf(' ') + 1) : e.getMessage();
        }
    }

    @Test
    void dataThatCannotLoadIsRefusedForItsCells() {
        assertThatThrownBy(() -> SweepGrid.fromJson(SweepGrid.tree(base("")), o -> {
            throw new lrwb.engine.data.DataException("csv file not found: x.csv");
        })).hasMessage("cell 0: base.dataset: csv file not found: x.csv");
    }

    @Test
    void theBaseIsCheckedFieldByField() {
        refused("{\"base\": {\"dataset\": \"moons\", \"lr\": 0.1}}", "base.epochs is required (or an epochs axis)");
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1}}",
                "base.schedule is required: give base.schedule, base.lr, or an lr or schedule axis");
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"lr\": 0.1, \"schedule\": {\"type\": \"constant\", \"lr\": 0.1}}}",
                "base.lr cannot be given with base.schedule: give one of them");
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"lr\": 0.1, \"learningRate\": 2}}",
                "base.learningRate is not one of the settings (augment, batch, batchSize, dataset, epochs, header, labelColumn, limit, lr, model, "
                        + "name, normalize, optimizer, schedule, seed, valSplit)");
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"schedule\": {\"type\": \"cosine\", \"lr\": -1, \"decaySteps\": 9}}}",
                "base.schedule cosine.lr must be a finite number > 0 (got -1)");
        refused(base(", \"axes\": {\"epochs\": [1, 0]}"), "cell 1 (epochs=0): axes.epochs[1] must be an integer in [1, 100000] (got 0)");
        refused("{\"base\": {\"dataset\": \"moons\", \"epochs\": 1, \"lr\": 0.1, \"valSplit\": 1.5}}",
                "cell 0: base.dataset: valSplit must be in (0, 1) (got 1.5)");
        refused("{\"axes\": {}}", "base is required: an object of a run's settings (dataset, model, optimizer, schedule or lr, epochs, ...)");
        refused("{\"base\": {}, \"stopDiverged\": \"yes\"}", "stopDiverged must be true or false (got \"yes\")");
        refused("[1]", "grid must be a JSON object with base and axes");
        assertThatThrownBy(() -> SweepGrid.parse("{\"base\": ")).isInstanceOf(InvalidGridException.class)
                .hasMessageStartingWith("grid is not valid JSON: ");
    }
}
