package lrwb.app.shell;

import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken rule in the one stylesheet silently drops everything after it: parse it and expect no errors. */
class StylesheetTest {
    @Test
    void theStylesheetParsesWithoutErrors() throws IOException {
        URL css = MainWindow.class.getResource("/lrwb/app/workbench.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        var sheet = new CssParser().parse(css);
        assertThat(CssParser.errorsProperty()).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(40);
    }
}
