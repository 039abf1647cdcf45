package lrwb.engine.model;

import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

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
        assertThat(OptimizerSpec.parse("nesterov:0").momentum()).isEqualTo(0.0);
        assertThat(OptimizerSpec.parse("adam").momentum()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum:0.9", "momentum:0.95", "nesterov:0.5", "momentum:0", "momentum:0.00001",
            "adam", "adamax", "nadam", "amsgrad", "adagrad", "rmsprop", "adadelta"})
    void describeRoundTrips(String text) {
        OptimizerSpec spec = OptimizerSpec.parse(text);
        assertThat(spec.describe()).isEqualTo(text);
        assertThat(OptimizerSpec.parse(spec.describe())).isEqualTo(spec);
    }

    @Test
    void describeSpellsOutTheDefaultMomentum() {
        assertThat(OptimizerSpec.parse("momentum").describe()).isEqualTo("momentum:0.9");
        assertThat(OptimizerSpec.parse("momentum:1e-1").describe()).isEqualTo("momentum:0.1");
    }

    @Test
    void unknownOptimizerListsTheChoices() {
        assertThatThrownBy(() -> OptimizerSpec.parse("sgdd"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--optimizer: unknown optimizer 'sgdd' (one of sgd, momentum, nesterov, adam, adamax,"
                        + " nadam, amsgrad, adagrad, rmsprop, adadelta)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "momentum:1.5  | --optimizer momentum:1.5: momentum must be in [0, 1)",
            "momentum:1    | --optimizer momentum:1: momentum must be in [0, 1)",
            "nesterov:-0.1 | --optimizer nesterov:-0.1: momentum must be in [0, 1)",
            "momentum:abc  | --optimizer momentum:abc: momentum must be a number in [0, 1)",
            "momentum:NaN  | --optimizer momentum:NaN: momentum must be a number in [0, 1)",
            "momentum:     | --optimizer momentum:: momentum must be a number in [0, 1)",
            "momentum:0.9d | --optimizer momentum:0.9d: momentum must be a number in [0, 1)",
            "adam:0.9      | --optimizer adam:0.9: adam takes no options (only momentum and nesterov take one, e.g. momentum:0.9)",
    })
    void badOptimizerOptionsNameTheOptionAndTheRule(String text, String message) {
        assertThatThrownBy(() -> OptimizerSpec.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void constructorKeepsMomentumWhereItBelongs() {
        assertThatThrownBy(() -> new OptimizerSpec(Kind.MOMENTUM, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptimizerSpec(Kind.MOMENTUM, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptimizerSpec(Kind.ADAM, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAdaDeltaHasNoLearningRate() {
        for (Kind kind : Kind.values()) {
            OptimizerSpec spec = OptimizerSpec.of(kind);
            assertThat(spec.hasLearningRate()).as(kind.optionName()).isEqualTo(kind != Kind.ADADELTA);
            assertThat(spec.rangeTestRefusal().isPresent()).isEqualTo(kind == Kind.ADADELTA);
            assertThat(spec.updater(SteerableSchedule.constant(0.1)).hasLearningRate()).isEqualTo(spec.hasLearningRate());
        }
        assertThat(OptimizerSpec.of(Kind.ADADELTA).rangeTestRefusal()).contains(
                "adadelta has no learning rate to sweep (it adapts its own step sizes); pick sgd, momentum, nesterov,"
                        + " adam, adamax, nadam, amsgrad, adagrad, rmsprop");
        assertThat(OptimizerSpec.of(Kind.ADADELTA).typicalLearningRate()).isNaN();
        assertThat(OptimizerSpec.of(Kind.ADAM).typicalLearningRate()).isEqualTo(0.001);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "ADADELTA", mode = EnumSource.Mode.EXCLUDE)
    void updaterReadsItsLearningRateFromTheSchedule(Kind kind) {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        IUpdater updater = OptimizerSpec.of(kind).updater(lr);
        IUpdater perLayerCopy = updater.clone();
        assertThat(updater.getLearningRate(0, 0)).isEqualTo(0.1);
        lr.override(0.0042);
        assertThat(updater.getLearningRate(7, 0)).isEqualTo(0.0042);
        assertThat(perLayerCopy.getLearningRate(7, 0)).isEqualTo(0.0042);
    }

    @Test
    void updatersAreTheRightFormsWithTheUsualDefaults() {
        SteerableSchedule lr = SteerableSchedule.constant(0.1);
        assertThat(OptimizerSpec.of(Kind.SGD).updater(lr)).isInstanceOfSatisfying(Sgd.class,
                u -> assertThat(u.getLearningRateSchedule()).isSameAs(lr));
        assertThat(OptimizerSpec.parse("momentum:0.8").updater(lr)).isInstanceOfSatisfying(ClassicalMomentum.class,
                u -> assertThat(u.getMomentum()).isEqualTo(0.8));
        assertThat(OptimizerSpec.parse("nesterov:0.8").updater(lr)).isInstanceOfSatisfying(Nesterovs.class,
                u -> assertThat(u.getMomentum()).isEqualTo(0.8));
        assertThat(OptimizerSpec.of(Kind.ADAM).updater(lr)).isInstanceOfSatisfying(Adam.class, u -> {
            assertThat(new double[] {u.getBeta1(), u.getBeta2(), u.getEpsilon()}).containsExactly(0.9, 0.999, 1e-8);
            assertThat(u.getLearningRateSchedule()).isSameAs(lr);
        });
        assertThat(OptimizerSpec.of(Kind.ADAMAX).updater(lr)).isInstanceOfSatisfying(AdaMax.class,
                u -> assertThat(new double[] {u.getBeta1(), u.getBeta2(), u.getEpsilon()}).containsExactly(0.9, 0.999, 1e-8));
        assertThat(OptimizerSpec.of(Kind.NADAM).updater(lr)).isInstanceOfSatisfying(Nadam.class,
                u -> assertThat(new double[] {u.getBeta1(), u.getBeta2(), u.getEpsilon()}).containsExactly(0.9, 0.999, 1e-8));
        assertThat(OptimizerSpec.of(Kind.AMSGRAD).updater(lr)).isInstanceOfSatisfying(AMSGrad.class,
                u -> assertThat(new double[] {u.getBeta1(), u.getBeta2(), u.getEpsilon()}).containsExactly(0.9, 0.999, 1e-8));
        assertThat(OptimizerSpec.of(Kind.ADAGRAD).updater(lr)).isInstanceOfSatisfying(AdaGrad.class,
                u -> assertThat(u.getEpsilon()).isEqualTo(1e-6));
        assertThat(OptimizerSpec.of(Kind.RMSPROP).updater(lr)).isInstanceOfSatisfying(RmsProp.class, u -> {
            assertThat(new double[] {u.getRmsDecay(), u.getEpsilon()}).containsExactly(0.9, 1e-8);
            assertThat(u.getLearningRate()).isNaN();
            assertThat(u.getLearningRateSchedule()).isSameAs(lr);
        });
        assertThat(OptimizerSpec.of(Kind.ADADELTA).updater(null)).isInstanceOfSatisfying(AdaDelta.class,
                u -> assertThat(new double[] {u.getRho(), u.getEpsilon()}).containsExactly(0.95, 1e-6));
    }
}
