package lrwb.app.sweeps;

import lrwb.app.form.FormErrors;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.sweep.GridDraft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid form: its live cell count, the presets and the one-line message of each bad input. */
class SweepFormTest {
    private final SweepForm form = new SweepForm();

    @Test
    void theCellCountSaysHowManyCellsAndOfWhat() {
        assertThat(form.cellCount()).isEqualTo("27 cells: 9 LRs × 3 optimizers");
        form.seeds().textProperty().set("1, 2");
        assertThat(form.cellCount()).isEqualTo("54 cells: 9 LRs × 3 optimizers × 2 seeds");
        form.lrModeProperty().set(LrAxisMode.LIST);
        form.lrList().textProperty().set("0.01 0.1");
        form.optimizers().textProperty().set("adam:beta1=0.95,eps=1e-7; sgd");
        assertThat(form.cellCount()).isEqualTo("8 cells: 2 LRs × 2 optimizers × 2 seeds");
        form.lrModeProperty().set(LrAxisMode.NONE);
        form.optimizers().textProperty().set("");
        form.seeds().textProperty().set("");
        assertThat(form.cellCount()).isEqualTo("1 cell: the base run alone");
    }

    @Test
    void presetsFillTheNameAndTheAxes() {
        SweepPreset.LR_SENSITIVITY.fill(form);
        assertThat(form.name().text()).isEqualTo("LR sensitivity: sgd vs momentum vs adam");
        assertThat(form.cellCount()).isEqualTo("81 cells: 9 LRs × 3 optimizers × 3 seeds");
        SweepPreset.SCHEDULES_VS_ADAPTIVE.fill(form);
        assertThat(form.cellCount()).isEqualTo("60 cells: 3 LRs × 5 optimizers × 4 schedules");
        assertThat(form.optimizers().text()).isEqualTo("sgd, adagrad, adadelta, rmsprop, adam");
        assertThat(form.schedules()).hasSize(4).contains(new StepSchedule(0.1, 10, 0.5, lrwb.engine.schedule.Unit.EPOCH));
        assertThat(form.seeds().text()).isEmpty();
    }

    @Test
    void aGoodFormReadsAsTheTypedGrid() {
        form.optimizers().textProperty().set("sgd, adam:beta1=0.95,eps=1e-7");
        form.seeds().textProperty().set("1 2 3");
        GridDraft draft = form.read(new FormErrors());
        assertThat(draft).isNotNull();
        assertThat(draft.lrRange()).isEqualTo(new GridDraft.LogRange(1e-4, 1, 9));
        assertThat(draft.optimizers()).extracting(o -> o.shortName()).containsExactly("sgd", "adam:beta1=0.95,eps=1e-7");
        assertThat(draft.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(draft.base().data().source()).isEqualTo("iris");
        assertThat(draft.base().epochs()).isEqualTo(10);
    }

    @Test
    void eachBadInputGetsOneLineAtItsField() {
        form.lrFrom().textProperty().set("0");
        form.lrPoints().textProperty().set("x");
        form.optimizers().textProperty().set("sgd, adamm");
        form.seeds().textProperty().set("1, two");
        form.epochs().textProperty().set("0");
        form.name().textProperty().set(" ");
        FormErrors errors = new FormErrors();
        assertThat(form.read(errors)).isNull();
        assertThat(form.lrFrom().error()).isEqualTo("LR from must be above 0: the range is log-spaced (got 0)");
        assertThat(form.lrPoints().error()).isEqualTo("points must be a whole number (got 'x')");
        assertThat(form.optimizers().error()).startsWith("optimizers: ").contains("adamm");
        assertThat(form.seeds().error()).isEqualTo(
                "seeds: 'two' is no whole number; write whole numbers separated by commas, e.g. 1, 2, 3");
        assertThat(form.epochs().error()).isEqualTo("epochs must be a whole number from 1 to 100000 (got 0)");
        assertThat(form.name().error()).isEqualTo("name must not be empty: it names the sweep's folder and its charts");

        form.lrModeProperty().set(LrAxisMode.LIST);
        form.lrList().textProperty().set(", ");
        form.read(new FormErrors());
        assertThat(form.lrList().error()).isEqualTo("LRs: the list is empty; write at least one LR, or choose no LR axis");
        form.lrList().textProperty().set("0.1, 1e-2x");
        form.read(new FormErrors());
        assertThat(form.lrList().error()).isEqualTo("LRs: '1e-2x' is no number; write numbers separated by commas, e.g. 0.001, 0.01, 0.1");
    }

    @Test
    void optimizerListsKeepTheSettingsOfEachOptimizer() {
        assertThat(AxisLists.optimizerTexts("sgd, adam:beta1=0.95,eps=1e-7, momentum:0.9; rmsprop"))
                .isEqualTo(List.of("sgd", "adam:beta1=0.95,eps=1e-7", "momentum:0.9", "rmsprop"));
    }

    @Test
    void engineMessagesGoToTheFieldTheyName() {
        assertThat(form.fieldFor("axes.optimizer[1]")).isSameAs(form.optimizers());
        assertThat(form.fieldFor("base.optimizer")).isSameAs(form.setup().optimizer());
        assertThat(form.fieldFor("axes.seed")).isSameAs(form.seeds());
        assertThat(form.fieldFor("axes.lr.points")).isSameAs(form.lrPoints());
        assertThat(form.fieldFor("base.model")).isSameAs(form.setup().model());
        assertThat(form.fieldFor("schedule cosine.lr")).isSameAs(form.lrFrom());
        assertThat(form.fieldFor("cells")).isNull();
    }
}
