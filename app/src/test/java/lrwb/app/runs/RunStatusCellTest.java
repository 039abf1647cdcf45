package lrwb.app.runs;

import lrwb.engine.run.RunStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Item 14 of issue 13: a range test that ends by diverging, its normal end, is not shown as a problem. */
class RunStatusCellTest {
    @Test
    void aRangeTestsDivergenceIsItsEndATrainingRunsIsAProblem() {
        assertThat(RunsView.statusText(RunStatus.DIVERGED, true)).isEqualTo("done (diverged)");
        assertThat(RunsView.isProblem(RunStatus.DIVERGED, true)).isFalse();
        assertThat(RunsView.statusText(RunStatus.DIVERGED, false)).isEqualTo(RunStatus.DIVERGED.label());
        assertThat(RunsView.isProblem(RunStatus.DIVERGED, false)).isTrue();
        assertThat(RunsView.isProblem(RunStatus.FAILED, true)).isTrue();
        assertThat(RunsView.isProblem(RunStatus.FINISHED, false)).isFalse();
    }
}
