package lrwb.app.inspect;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import lrwb.engine.inspect.ConfusionMatrix;

import java.util.Locale;

/**
 * The confusion matrix as a heat grid: a row per true class, a column per predicted class, each cell its count
 * and its share of the row, shaded by that share (the diagonal is each class's recall).
 */
final class ConfusionGrid {
    private ConfusionGrid() {
    }

    static GridPane of(ConfusionMatrix m) {
        GridPane grid = new GridPane();
        grid.setId("inspect-confusion");
        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(3);
        grid.setVgap(3);
        grid.setPadding(new javafx.geometry.Insets(12));
        // two short lines rather than "true \ predicted", which ten columns of long class names (Fashion-MNIST) cut to "…"
        Label corner = new Label("predicted →\ntrue ↓");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        corner.setPadding(new javafx.geometry.Insets(0, 8, 0, 0));
        corner.getStyleClass().add("confusion-corner");
        grid.add(corner, 0, 0);
        double[][] shares = m.rowNormalised();
        for (int p = 0; p < m.numClasses(); p++) {
            Label head = new Label(m.classNames().get(p));
            head.getStyleClass().add("confusion-head");
            head.setMaxWidth(Double.MAX_VALUE);
            head.setAlignment(Pos.CENTER);
            grid.add(head, p + 1, 0);
        }
        for (int t = 0; t < m.numClasses(); t++) {
            Label name = new Label(m.classNames().get(t));
            name.getStyleClass().add("confusion-head");
            grid.add(name, 0, t + 1);
            for (int p = 0; p < m.numClasses(); p++) {
                double share = shares[t][p];
                Label cell = new Label(m.count(t, p) + "\n" + String.format(Locale.ROOT, "%.0f%%", 100 * share));
                cell.setId("confusion-" + t + "-" + p);
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(84, 52);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s; -fx-text-alignment: center;",
                        shade(share, t == p), share > 0.55 ? "white" : "#202020"));
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%d of %d %s predicted as %s (%.1f%%)",
                        m.count(t, p), m.support(t), m.classNames().get(t), m.classNames().get(p), 100 * share)));
                grid.add(cell, p + 1, t + 1);
            }
        }
        return grid;
    }

    /** Blue for the diagonal (right), red off it (wrong), stronger with the share. */
    private static String shade(double share, boolean diagonal) {
        double s = Math.max(0, Math.min(1, share));
        int[] full = diagonal ? new int[] {31, 119, 180} : new int[] {214, 39, 40};
        int r = (int) Math.round(255 + (full[0] - 255) * s);
        int g = (int) Math.round(255 + (full[1] - 255) * s);
        int b = (int) Math.round(255 + (full[2] - 255) * s);
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", r, g, b);
    }
}
