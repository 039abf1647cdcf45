package lrwb.engine.model;

import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerSpecTest {

    @Test
    void readsEveryOptimizerByName() {
        for (Kind kind : Kind.values()) {
            assertThat(OptimizerSpec.parse(kind.optionName()).kind()).isEqualTo(kind);
        }
        assertThat(OptimizerSpec.parse(" Adam ").kind()).isEqualTo(Kind.ADAM);
    }

    @Test
    void momentumDefaultsToPointNineAndCanBeGiven() {
        assertThat(OptimizerSpec.parse("momentum")).isEqualTo(new OptimizerSpec(Kind.MOMENTUM, 0.9));
        assertThat(OptimizerSpec.parse("nesterov")).isEqualTo(new OptimizerSpec(Kind.NESTEROV, 0.9));
        assertThat(OptimizerSpec.parse("momentum:0.95").momentum()).isEqualTo(0.95);
        assertThat(OptimizerSpec.parse("momentum:momentum=0.95")).isEqualTo(OptimizerSpec.parse("momentum:0.95"));
        assertThat(OptimizerSpec.parse("nesterov:0").momentum()).isEqualTo(0.0);
        assertThat(OptimizerSpec.parse("adam").momentum()).isNaN();
    }

    @Test
    void nesterovKeySwitchesBetweenTheTwoMomentumForms() {
        assertThat(OptimizerSpec.parse("momentum:momentum=0.8,nesterov=true")).isEqualTo(new OptimizerSpec(Kind.NESTEROV, 0.8));
        assertThat(OptimizerSpec.parse("nesterov:nesterov=false")).isEqualTo(new OptimizerSpec(Kind.MOMENTUM, 0.9));
        assertThat(OptimizerSpec.parse("momentum:nesterov=FALSE")).isEqualTo(new OptimizerSpec(Kind.MOMENTUM, 0.9));
    }

    /** PyTorch's documented defaults (momentum's 0.9 is ours: torch's SGD has momentum 0, i.e. our sgd). */
    @Test
    void defaultsArePyTorchs() {
        assertThat(OptimizerSpec.of(Kind.SGD).settings()).isEqualTo(Map.of(OptimizerSetting.WD, 0.0));
        for (Kind adam : new Kind[] {Kind.ADAM, Kind.ADAMAX, Kind.NADAM, Kind.AMSGRAD}) {
            assertThat(OptimizerSpec.of(adam).settings()).isEqualTo(Map.of(OptimizerSetting.BETA1, 0.9,
                    OptimizerSetting.BETA2, 0.999, OptimizerSetting.EPS, 1e-8, OptimizerSetting.WD, 0.0));
        }
        // torch.optim.AdamW: weight_decay 1e-2
        assertThat(OptimizerSpec.of(Kind.ADAMW).settings()).isEqualTo(Map.of(OptimizerSetting.BETA1, 0.9,
                OptimizerSetting.BETA2, 0.999, OptimizerSetting.EPS, 1e-8, OptimizerSetting.WD, 0.01));
        // not in torch: SGD's defaults (momentum 0, weight_decay 0)
        assertThat(OptimizerSpec.of(Kind.SGDW).settings()).isEqualTo(Map.of(OptimizerSetting.MOMENTUM, 0.0,
                OptimizerSetting.WD, 0.0));
        assertThat(OptimizerSpec.of(Kind.ADAGRAD).settings()).isEqualTo(Map.of(OptimizerSetting.EPS, 1e-10,
                OptimizerSetting.INITIAL_ACCUMULATOR, 0.0, OptimizerSetting.WD, 0.0));
        assertThat(OptimizerSpec.of(Kind.RMSPROP).settings()).isEqualTo(Map.of(OptimizerSetting.RHO, 0.99,
                OptimizerSetting.EPS, 1e-8, OptimizerSetting.WD, 0.0));
        assertThat(OptimizerSpec.of(Kind.ADADELTA).settings()).isEqualTo(Map.of(OptimizerSetting.RHO, 0.9,
                OptimizerSetting.EPS, 1e-6, OptimizerSetting.WD, 0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum:0.9", "momentum:0.95", "nesterov:0.5", "momentum:0", "momentum:0.00001",
            "adam:beta1=0.9,beta2=0.999,eps=1e-8", "adamax:beta1=0.9,beta2=0.999,eps=1e-8",
            "nadam:beta1=0.9,beta2=0.999,eps=1e-8", "amsgrad:beta1=0.5,beta2=0.9,eps=0.001",
            "adagrad:eps=1e-10,initialAccumulator=0.1", "rmsprop:rho=0.99,eps=1e-8", "adadelta:rho=0.9,eps=0.000001",
            "sgd:wd=0.0001", "momentum:momentum=0.9,wd=0.0001", "nesterov:momentum=0.8,wd=0.001",
            "adam:beta1=0.9,beta2=0.999,eps=1e-8,wd=0.0001", "adamw:beta1=0.9,beta2=0.999,eps=1e-8,wd=0.01",
            "adamw:beta1=0.9,beta2=0.999,eps=1e-8,wd=0", "sgdw:momentum=0", "sgdw:momentum=0.9,wd=0.0005",
            "adagrad:eps=1e-10,initialAccumulator=0,wd=0.01", "rmsprop:rho=0.99,eps=1e-8,wd=0.0001",
            "adadelta:rho=0.9,eps=0.000001,wd=0.0001"})
    void describeRoundTrips(String text) {
        OptimizerSpec spec = OptimizerSpec.parse(text);
        assertThat(spec.describe()).isEqualTo(text);
        assertThat(OptimizerSpec.parse(spec.describe())).isEqualTo(spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "momentum                              | momentum:0.9",
            "momentum:1e-1                         | momentum:0.1",
            "adam                                  | adam:beta1=0.9,beta2=0.999,eps=1e-8",
            "ADAM: Eps = 1e-7 , beta1=0.8          | adam:beta1=0.8,beta2=0.999,eps=1e-7",
            "adagrad:initialaccumulator=0.1        | adagrad:eps=1e-10,initialAccumulator=0.1",
            "rmsprop                               | rmsprop:rho=0.99,eps=1e-8",
            "adadelta                              | adadelta:rho=0.9,eps=0.000001",
            "sgd:wd=1e-4                           | sgd:wd=0.0001",
            "sgd:wd=0                              | sgd",
            "momentum:wd=1e-4                      | momentum:momentum=0.9,wd=0.0001",
            "momentum:wd=1e-4,nesterov=true        | nesterov:momentum=0.9,wd=0.0001",
            "adamw                                 | adamw:beta1=0.9,beta2=0.999,eps=1e-8,wd=0.01",
            "sgdw:wd=5e-4                          | sgdw:momentum=0,wd=0.0005"})
    void describeSpellsOutEverySettingInCanonicalForm(String text, String canonical) {
        assertThat(OptimizerSpec.parse(text).describe()).isEqualTo(canonical);
        assertThat(OptimizerSpec.parse(canonical)).isEqualTo(OptimizerSpec.parse(text));
    }

    @Test
    void shortNameShowsOnlyWhatDiffersFromTheDefaults() {
        assertThat(OptimizerSpec.parse("adam").shortName()).isEqualTo("adam");
        assertThat(OptimizerSpec.parse("adam:eps=1e-6,beta1=0.9").shortName()).isEqualTo("adam:eps=0.000001");
        assertThat(OptimizerSpec.parse("momentum").shortName()).isEqualTo("momentum:0.9");
        assertThat(OptimizerSpec.parse("sgd").shortName()).isEqualTo("sgd");
        assertThat(OptimizerSpec.parse("sgd:wd=1e-4").shortName()).isEqualTo("sgd:wd=0.0001");
        assertThat(OptimizerSpec.parse("momentum:wd=1e-4").shortName()).isEqualTo("momentum:momentum=0.9,wd=0.0001");
        assertThat(OptimizerSpec.parse("adamw").shortName()).isEqualTo("adamw");
        assertThat(OptimizerSpec.parse("adamw:wd=0").shortName()).isEqualTo("adamw:wd=0");
        assertThat(OptimizerSpec.parse("sgdw:momentum=0.9").shortName()).isEqualTo("sgdw:momentum=0.9");
    }

    @Test
    void everyDefaultSpecRoundTrips() {
        for (Kind kind : Kind.values()) {
            OptimizerSpec spec = OptimizerSpec.of(kind);
            assertThat(OptimizerSpec.parse(spec.describe())).as(spec.describe()).isEqualTo(spec);
        }
    }

    @Test
    void unknownOptimizerListsTheChoices() {
        assertThatThrownBy(() -> OptimizerSpec.parse("sgdd"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--optimizer: unknown optimizer 'sgdd' (one of sgd, momentum, nesterov, sgdw, adam, adamax,"
                        + " nadam, amsgrad, adamw, adagrad, rmsprop, adadelta)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "momentum:1.5              | --optimizer momentum:1.5: momentum must be a number in [0, 1)",
            "momentum:1                | --optimizer momentum:1: momentum must be a number in [0, 1)",
            "nesterov:-0.1             | --optimizer nesterov:-0.1: momentum must be a number in [0, 1)",
            "momentum:abc              | --optimizer momentum:abc: momentum must be a number in [0, 1)",
            "momentum:NaN              | --optimizer momentum:NaN: momentum must be a number in [0, 1)",
            "momentum:                 | --optimizer momentum:: momentum must be a number in [0, 1)",
            "momentum:0.9d             | --optimizer momentum:0.9d: momentum must be a number in [0, 1)",
            "adam:0.9                  | --optimizer adam:0.9: write settings as key=value (adam takes beta1, beta2, eps, wd)",
            "sgd:momentum=0.9          | --optimizer sgd:momentum=0.9: sgd takes no momentum (it takes wd)",
            "sgd:0.1                   | --optimizer sgd:0.1: write settings as key=value (sgd takes wd)",
            "sgd:wd=-1e-4              | --optimizer sgd:wd=-1e-4: wd must be a number >= 0",
            "adamw:wd=NaN              | --optimizer adamw:wd=NaN: wd must be a number >= 0",
            "adam:wd=1e999             | --optimizer adam:wd=1e999: wd must be a number >= 0",
            "momentum:wd=x             | --optimizer momentum:wd=x: wd must be a number >= 0",
            "sgdw:nesterov=true        | --optimizer sgdw:nesterov=true: sgdw takes no nesterov (it takes momentum, wd)",
            "sgdw:0.9                  | --optimizer sgdw:0.9: write settings as key=value (sgdw takes momentum, wd)",
            "sgdw:momentum=1           | --optimizer sgdw:momentum=1: momentum must be a number in [0, 1)",
            "adam:beta3=0.9            | --optimizer adam:beta3=0.9: unknown key 'beta3' (adam takes beta1, beta2, eps, wd)",
            "adam:momentum=0.9         | --optimizer adam:momentum=0.9: adam takes no momentum (it takes beta1, beta2, eps, wd)",
            "adam:nesterov=true        | --optimizer adam:nesterov=true: adam takes no nesterov (it takes beta1, beta2, eps, wd)",
            "rmsprop:beta1=0.9         | --optimizer rmsprop:beta1=0.9: rmsprop takes no beta1 (it takes rho, eps, wd)",
            "momentum:initialAccumulator=1 | --optimizer momentum:initialAccumulator=1: momentum takes no initialAccumulator (it takes momentum, wd, nesterov)",
            "adam:beta1=1              | --optimizer adam:beta1=1: beta1 must be a number in [0, 1)",
            "adam:beta2=-0.5           | --optimizer adam:beta2=-0.5: beta2 must be a number in [0, 1)",
            "adam:eps=0                | --optimizer adam:eps=0: eps must be a number > 0",
            "adam:eps=tiny             | --optimizer adam:eps=tiny: eps must be a number > 0",
            "adagrad:initialAccumulator=-1 | --optimizer adagrad:initialAccumulator=-1: initialAccumulator must be a number >= 0",
            "rmsprop:rho=1             | --optimizer rmsprop:rho=1: rho must be a number in [0, 1)",
            "momentum:nesterov=yes     | --optimizer momentum:nesterov=yes: nesterov must be true or false",
            "adam:beta1=0.8,beta1=0.9  | --optimizer adam:beta1=0.8,beta1=0.9: beta1 is given twice",
            "adam:beta1=0.8,           | --optimizer adam:beta1=0.8,: '' is not key=value (adam takes beta1, beta2, eps, wd)",
            "adam:beta1=0.8,eps        | --optimizer adam:beta1=0.8,eps: 'eps' is not key=value (adam takes beta1, beta2, eps, wd)",
    })
    void badOptimizerSettingsNameTheKeyAndTheRule(String text, String message) {
        assertThatThrownBy(() -> OptimizerSpec.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void constructorKeepsSettingsWhereTheyBelong() {
        assertThatThrownBy(() -> new OptimizerSpec(Kind.MOMENTUM, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptimizerSpec(Kind.MOMENTUM, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptimizerSpec(Kind.ADAM, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptimizerSpec(Kind.ADAM, Map.of(OptimizerSetting.BETA1, 0.9)))
                .hasMessageStartingWith("adam takes exactly the settings");
        assertThatThrownBy(() -> new OptimizerSpec(Kind.RMSPROP, Map.of(OptimizerSetting.RHO, 0.9, OptimizerSetting.EPS, -1.0,
                OptimizerSetting.WD, 0.0)))
                .hasMessage("rmsprop: eps must be a number > 0 (got -1.0)");
    }

    @Test
    void weightDecayIsCoupledExceptForAdamwAndSgdw() {
        assertThat(OptimizerSpec.parse("adam").weightDecay()).isEmpty();
        assertThat(OptimizerSpec.parse("adamw:wd=0").weightDecay()).isEmpty();
        assertThat(OptimizerSpec.parse("adam:wd=1e-4").weightDecay()).contains(new OptimizerWeightDecay(1e-4, false));
        assertThat(OptimizerSpec.parse("nesterov:wd=1e-4").weightDecay()).contains(new OptimizerWeightDecay(1e-4, false));
        assertThat(OptimizerSpec.parse("adamw").weightDecay()).contains(new OptimizerWeightDecay(0.01, true));
        assertThat(OptimizerSpec.parse("sgdw:wd=5e-4").weightDecay()).contains(new OptimizerWeightDecay(5e-4, true));
    }

    @Test
    void withChangesOneSettingAndKeepsTheRules() {
        assertThat(OptimizerSpec.parse("adam:eps=1e-6").with(OptimizerSetting.WD, 1e-3))
                .isEqualTo(OptimizerSpec.parse("adam:eps=1e-6,wd=1e-3"));
        assertThat(OptimizerSpec.parse("adamw").with(OptimizerSetting.WD, 0.0).describe())
                .isEqualTo("adamw:beta1=0.9,beta2=0.999,eps=1e-8,wd=0");
        assertThat(OptimizerSpec.parse("nesterov:0.8").with(OptimizerSetting.WD, 1e-4))
                .isEqualTo(OptimizerSpec.parse("nesterov:momentum=0.8,wd=1e-4"));
        assertThatThrownBy(() -> OptimizerSpec.parse("sgd").with(OptimizerSetting.BETA1, 0.9))
                .hasMessage("sgd takes no beta1 (it takes wd)");
        assertThatThrownBy(() -> OptimizerSpec.parse("sgd").with(OptimizerSetting.WD, -1))
                .hasMessage("sgd: wd must be a number >= 0 (got -1.0)");
    }

    @Test
    void typicalLearningRates() {
        assertThat(OptimizerSpec.of(Kind.ADADELTA).typicalLearningRate()).isEqualTo(1.0);
        assertThat(OptimizerSpec.of(Kind.ADAM).typicalLearningRate()).isEqualTo(0.001);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void updaterReadsItsLearningRateFromTheSchedule(Kind kind) {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        IUpdater updater = OptimizerSpec.of(kind).updater(lr);
        IUpdater perLayerCopy = updater.clone();
        assertThat(updater.getLearningRate(0, 0)).isEqualTo(0.1);
        lr.override(0.0042);
        assertThat(updater.getLearningRate(7, 0)).isEqualTo(0.0042);
        assertThat(perLayerCopy.getLearningRate(7, 0)).isEqualTo(0.0042);
        assertThat(perLayerCopy).isEqualTo(updater);
    }

    @Test
    void updatersCarryTheSettings() {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        assertThat(OptimizerSpec.of(Kind.SGD).updater(lr)).isInstanceOfSatisfying(Sgd.class,
                u -> assertThat(u.getLearningRateSchedule()).isSameAs(lr));
        assertThat(OptimizerSpec.parse("momentum:0.8").updater(lr)).isInstanceOfSatisfying(ClassicalMomentum.class,
                u -> assertThat(u.getMomentum()).isEqualTo(0.8));
        assertThat(OptimizerSpec.parse("nesterov:0.8").updater(lr)).isInstanceOfSatisfying(Nesterovs.class,
                u -> assertThat(u.getMomentum()).isEqualTo(0.8));
        assertThat(OptimizerSpec.parse("nadam:beta1=0.8,beta2=0.99,eps=1e-7").updater(lr))
                .isInstanceOfSatisfying(PublishedOptimizer.class, u -> {
                    assertThat(u.getRule()).isEqualTo(PublishedOptimizer.Rule.NADAM);
                    assertThat(new double[] {u.getBeta1(), u.getBeta2(), u.getEpsilon()}).containsExactly(0.8, 0.99, 1e-7);
                    assertThat(u.getLearningRateSchedule()).isSameAs(lr);
                });
        assertThat(OptimizerSpec.parse("adagrad:initialAccumulator=0.1").updater(lr))
                .isInstanceOfSatisfying(PublishedOptimizer.class, u -> assertThat(u.getInitialAccumulator()).isEqualTo(0.1));
        assertThat(OptimizerSpec.parse("rmsprop:rho=0.9").updater(lr))
                .isInstanceOfSatisfying(PublishedOptimizer.class, u -> assertThat(u.getRho()).isEqualTo(0.9));
    }
}
