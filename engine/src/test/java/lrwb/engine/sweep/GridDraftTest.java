package lrwb.engine.sweep;

import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A typed grid (what the app's form builds) written as sweeps.md's JSON and expanded by the one parser. */
class GridDraftTest {
    private static final TrainingRequest BASE = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"),
            OptimizerSpec.parse("sgd"), new ConstantSchedule(0.01), 2, 16, 42, "tiny");

    @Test
    void axesExpandInTheirOrderWithTheSeedFastest() {
        GridDraft draft = new GridDraft("tiny", BASE, List.of(), new GridDraft.LogRange(1e-3, 1e-1, 3),
                List.of(OptimizerSpec.parse("sgd"), OptimizerSpec.parse("adam:beta1=0.95")), List.of(), List.of(1L, 2L), true);
        SweepGrid grid = draft.grid();
        assertThat(grid.name()).isEqualTo("tiny");
        assertThat(grid.cells()).hasSize(12);
        assertThat(grid.stopDiverged()).isTrue();
        SweepCell first = grid.cell(0);
        SweepCell second = grid.cell(1);
        assertThat(first.axisValues()).containsEntry("optimizer", "sgd").containsEntry("seed", "1");
        assertThat(second.axisValues()).containsEntry("seed", "2");
        assertThat(grid.cell(6).axisValues()).containsEntry("optimizer", "adam:beta1=0.95");
        assertThat(grid.cell(6).request().optimizer()).isEqualTo(OptimizerSpec.parse("adam:beta1=0.95"));
        assertThat(grid.cells()).extracting(SweepCell::peakLr).contains(1e-3, 1e-1);
        assertThat(grid.cell(11).request().seed()).isEqualTo(2);
    }

    @Test
    void schedulesAndListedLrsMakeTheirCellsAndBadValuesAreTheEnginesMessage() {
        GridDraft draft = new GridDraft("s", BASE, List.of(0.01, 0.1), null, List.of(),
                List.of(new ConstantSchedule(0.1), new StepSchedule(0.1, 1, 0.5, Unit.EPOCH)), List.of(), false);
        SweepGrid grid = draft.grid();
        assertThat(grid.cells()).hasSize(4);
        assertThat(grid.cell(3).request().schedule()).isInstanceOf(StepSchedule.class);
        assertThat(grid.cell(3).peakLr()).isEqualTo(0.1);
        assertThat(grid.stopDiverged()).isFalse();

        GridDraft tooMany = new GridDraft("big", BASE, List.of(), new GridDraft.LogRange(1e-4, 1, 101), List.of(), List.of(),
                java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList(), true);
        assertThatThrownBy(tooMany::grid).isInstanceOf(InvalidGridException.class).hasMessageContaining("more than the 10000 a sweep may have");
    }
}
