package lrwb.app.form;

import lrwb.engine.model.OptimizerSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimizer field takes the engine's NAME:key=value syntax and puts its one-line message at the field. */
class RunSetupFormOptimizerTest {

    @Test
    void settingsAreReadIntoTheSpec() {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set("adam:beta2=0.98,eps=1e-6");
        RunSetup setup = form.read(new FormErrors());
        assertThat(setup).isNotNull();
        assertThat(setup.optimizer().value(OptimizerSetting.BETA2)).isEqualTo(0.98);
        assertThat(setup.optimizer().describe()).isEqualTo("adam:beta1=0.9,beta2=0.98,eps=0.000001");
        assertThat(form.optimizer().hasError()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "adam:beta3=0.9    | adam:beta3=0.9: unknown key 'beta3' (adam takes beta1, beta2, eps, wd)",
            "rmsprop:beta1=0.9 | rmsprop:beta1=0.9: rmsprop takes no beta1 (it takes rho, eps, wd)",
            "adam:eps=0        | adam:eps=0: eps must be a number > 0"})
    void aBadSettingIsOneLineAtTheField(String text, String message) {
        RunSetupForm form = new RunSetupForm();
        form.optimizer().textProperty().set(text);
        FormErrors errors = new FormErrors();
        assertThat(form.read(errors)).isNull();
        assertThat(form.optimizer().error()).isEqualTo(message);
        assertThat(form.dataset().hasError()).isFalse();
    }
}
