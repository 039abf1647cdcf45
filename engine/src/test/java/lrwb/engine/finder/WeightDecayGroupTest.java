package lrwb.engine.finder;

import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.OptimizerSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightDecayGroupTest {
    private static final String RULE = "weightDecays must be a comma-separated list of 1 to 8 distinct numbers >= 0, e.g. 0,1e-4,1e-3";

    @Test
    void parsesAListInItsOrderAndNamesEachFolder() {
        WeightDecayGroup g = WeightDecayGroup.parse("g", " 1e-3, 0 ,1e-4");
        assertThat(g.weightDecays()).containsExactly(1e-3, 0.0, 1e-4);
        assertThat(g.weightDecays().stream().map(WeightDecayGroup::folderName)).containsExactly("wd-0.001", "wd-0", "wd-1e-4");
        assertThat(WeightDecayGroup.label(5e-4)).isEqualTo("wd 5e-4");
        assertThat(g.toJson(1e-4).toString())
                .isEqualTo("{\"by\":\"wd\",\"id\":\"g\",\"weightDecays\":[0.001,0.0,1.0E-4],\"weightDecay\":1.0E-4}");
    }

    @Test
    void badListsAreRefusedWithTheRule() {
        for (String bad : List.of("", "0,", "-1e-4", "0,0", "1e-4,0.0001", "x", "NaN", "Infinity", "0x1p-3", "1,2,3,4,5,6,7,8,9")) {
            assertThatThrownBy(() -> WeightDecayGroup.parse("g", bad)).as(bad).hasMessage(RULE + " (got '" + bad + "')");
        }
    }

    @Test
    void membersDifferOnlyInTheirWd() {
        RangeTestRequest base = new RangeTestRequest(DataOptions.of("moons"), ModelSpec.parse("mlp:8"),
                OptimizerSpec.parse("adam:beta2=0.99"), 8, RangeTestConfig.of(1e-5, 1, 30, SweepMode.EXP).withSeed(7));
        List<RangeTestRequest> members = WeightDecayGroup.parse("g", "0,0.01").members(base);
        assertThat(members).hasSize(2);
        for (RangeTestRequest m : members) {
            assertThat(m.data()).isEqualTo(base.data());
            assertThat(m.model()).isEqualTo(base.model());
            assertThat(m.config()).isEqualTo(base.config());
            assertThat(m.batchSize()).isEqualTo(8);
            assertThat(m.optimizer().kind()).isEqualTo(OptimizerSpec.Kind.ADAM);
            assertThat(m.optimizer().value(OptimizerSetting.BETA2)).isEqualTo(0.99);
        }
        assertThat(members.get(0).optimizer().value(OptimizerSetting.WD)).isZero();
        assertThat(members.get(1).optimizer().value(OptimizerSetting.WD)).isEqualTo(0.01);
    }
}
