package lrwb.app.form;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The two layout pieces every side form uses: a section heading, and two short fields side by side. */
public final class FormLayout {
    private FormLayout() {
    }

    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** Two fields sharing a row equally (batch size and seed, start and end LR, ...). */
    public static HBox pair(Region a, Region b) {
        HBox row = new HBox(8, a, b);
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        a.setPrefWidth(100);
        b.setPrefWidth(100);
        return row;
    }
}
