package lrwb.engine.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeLanguageTest {
    @Test
    void parsesTheCliNames() {
        assertThat(CodeLanguage.parse("java")).isEqualTo(CodeLanguage.JAVA);
        assertThat(CodeLanguage.parse("pytorch")).isEqualTo(CodeLanguage.PYTORCH);
        assertThat(CodeLanguage.parse("keras")).isEqualTo(CodeLanguage.KERAS);
        assertThat(CodeLanguage.parse(" PyTorch ")).isEqualTo(CodeLanguage.PYTORCH);
        assertThat(CodeLanguage.parse("transformers")).isEqualTo(CodeLanguage.TRANSFORMERS);
        assertThat(CodeLanguage.parse("optax")).isEqualTo(CodeLanguage.OPTAX);
    }

    @Test
    void rejectsOtherNamesListingTheAllowedOnes() {
        assertThatThrownBy(() -> CodeLanguage.parse("tensorflow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lang must be one of java, pytorch, keras, transformers, optax (got \"tensorflow\")");
        assertThatThrownBy(() -> CodeLanguage.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java, pytorch, keras");
    }
}
