package lrwb.app.form;

import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.OptimizerSpec.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Optimizer settings" fields: exactly the chosen optimizer's keys, both ways with the optimizer text. */
class OptimizerSettingsTest {

    private static List<String> keys(OptimizerSettings settings) {
        return settings.settings().stream().map(OptimizerSettings.Setting::key).toList();
    }

    private static List<String> prompts(OptimizerSettings settings) {
        return settings.settings().stream().map(OptimizerSettings.Setting::prompt).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sgd      | wd                            | 0",
            "momentum | momentum,wd,nesterov          | 0.9,0,false",
            "nesterov | momentum,wd,nesterov          | 0.9,0,true",
            "sgdw     | momentum,wd                   | 0,0",
            "adam     | beta1,beta2,eps,wd            | 0.9,0.999,1e-8,0",
            "adamw    | beta1,beta2,eps,wd            | 0.9,0.999,1e-8,0.01",
            "nadam    | beta1,beta2,eps,wd            | 0.9,0.999,1e-8,0",
            "adagrad  | eps,initialAccumulator,wd     | 1e-10,0,0",
            "rmsprop  | rho,eps,wd                    | 0.99,1e-8,0",
            "adadelta | rho,eps,wd                    | 0.9,0.000001,0"})
    void showsExactlyTheKeysTheOptimizerTakesWithPyTorchsDefaultsAsPrompts(String name, String keys, String defaults) {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set(name);
        OptimizerSettings settings = form.optimizerSettings();
        assertThat(keys(settings)).containsExactly(keys.split(","));
        assertThat(prompts(settings)).containsExactly(defaults.replace("0.000001", "1e-6").split(","));
        assertThat(settings.settings()).allSatisfy(s -> assertThat(s.field().text()).isEmpty());
    }

    @Test
    void everyOptimizerInTheListHasItsSettings() {
        for (String name : RunSetupForm.optimizers()) {
            RunSetupForm form = new RunSetupForm();
            form.optimizer().textProperty().set(name);
            assertThat(form.optimizerSettings().kind()).as(name).isPresent();
            assertThat(keys(form.optimizerSettings())).as(name).contains(OptimizerSetting.WD.key());
        }
    }

    @Test
    void theOptimizerTextFillsTheFields() {
        RunSetupForm form = new RunSetupForm();
        OptimizerSettings settings = form.optimizerSettings();
        form.optimizer().textProperty().set("adam:beta2=0.98, EPS=1e-6");
        assertThat(settings.kind()).contains(Kind.ADAM);
        assertThat(settings.field("beta2").orElseThrow().text()).isEqualTo("0.98");
        assertThat(settings.field("eps").orElseThrow().text()).isEqualTo("1e-6");
        assertThat(settings.field("beta1").orElseThrow().text()).isEmpty();
        form.optimizer().textProperty().set("momentum:0.95");
        assertThat(settings.field("momentum").orElseThrow().text()).isEqualTo("0.95");
        assertThat(settings.field("beta2")).isEmpty();
        form.optimizer().textProperty().set("adamw");
        assertThat(settings.field("wd").orElseThrow().text()).isEmpty();
    }

    @Test
    void editingAFieldWritesTheOptimizerTextWithOnlyTheFilledKeys() {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set("adam");
        OptimizerSettings settings = form.optimizerSettings();
        settings.field("wd").orElseThrow().textProperty().set("1e-4");
        assertThat(form.optimizer().text()).isEqualTo("adam:wd=1e-4");
        settings.field("beta1").orElseThrow().textProperty().set("0.8");
        assertThat(form.optimizer().text()).isEqualTo("adam:beta1=0.8,wd=1e-4");
        settings.field("wd").orElseThrow().textProperty().set("");
        settings.field("beta1").orElseThrow().textProperty().set("");
        assertThat(form.optimizer().text()).isEqualTo("adam");
        form.optimizer().textProperty().set("momentum");
        settings.field("momentum").orElseThrow().textProperty().set("0.95");
        assertThat(form.optimizer().text()).isEqualTo("momentum:0.95");
        settings.field("wd").orElseThrow().textProperty().set("5e-4");
        assertThat(form.optimizer().text()).isEqualTo("momentum:momentum=0.95,wd=5e-4");
        RunSetup setup = form.read(new FormErrors());
        assertThat(setup.optimizer().describe()).isEqualTo("momentum:momentum=0.95,wd=0.0005");
    }

    @Test
    void typingInTheOptimizerFieldIsNeverRewritten() {
        RunSetupForm form = new RunSetupForm();
        for (String typed : new String[] {"a", "ad", "adam", "adam:", "adam:beta2=0.98", "adam:beta2=0.98,", "adam:beta2=0.98,e",
                "adam:beta2=0.98,eps=1e-"}) {
            form.optimizer().textProperty().set(typed);
            assertThat(form.optimizer().textProperty().get()).isEqualTo(typed);
        }
        assertThat(form.optimizerSettings().field("eps").orElseThrow().text()).isEqualTo("1e-");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "adam     | wd       | -1e-4 | wd must be a number >= 0",
            "adamw    | wd       | NaN   | wd must be a number >= 0",
            "sgd      | wd       | lots  | wd must be a number >= 0",
            "adam     | beta1    | 1     | beta1 must be a number in [0, 1)",
            "adam     | eps      | 0     | eps must be a number > 0",
            "momentum | nesterov | yes   | nesterov must be true or false"})
    void aBadValueIsOneLineAtItsOwnField(String name, String key, String value, String message) {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set(name);
        InputField field = form.optimizerSettings().field(key).orElseThrow();
        field.textProperty().set(value);
        assertThat(field.error()).isEqualTo(message);
        field.textProperty().set("");
        assertThat(field.hasError()).isFalse();
    }

    @Test
    void anUnknownOptimizerHasNoSettings() {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set("sgdd");
        assertThat(form.optimizerSettings().kind()).isEmpty();
        assertThat(form.optimizerSettings().settings()).isEmpty();
    }
}
