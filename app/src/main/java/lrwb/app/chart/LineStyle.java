package lrwb.app.chart;

import javafx.scene.shape.Shape;

/**
 * How a curve's line is drawn, beside its colour: when one colour stands for one run, the style tells that
 * run's curves apart (the raw loss faint behind its smoothed loss, validation dashed beside training).
 */
public enum LineStyle {
    SOLID(2, null, 1),
    /** Background detail, e.g. the per-batch loss under its smoothed curve. */
    FAINT(1, null, 0.35),
    DASHED(2, "7 5", 1),
    DOTTED(2, "2 4", 1);

    private final double width;
    private final String dashes;
    private final double opacity;

    LineStyle(double width, String dashes, double opacity) {
        this.width = width;
        this.dashes = dashes;
        this.opacity = opacity;
    }

    /** Strokes a curve's line in this style. */
    void applyToLine(Shape line) {
        line.setStrokeWidth(width);
        dash(line);
        line.setOpacity(opacity);
    }

    /** Draws a legend swatch the way the line is drawn, a little bolder so the style reads at that size. */
    public void applyToSwatch(Shape swatch) {
        applyTo(swatch);
    }

    void applyTo(Shape swatch) {
        swatch.setStrokeWidth(width + 1);
        dash(swatch);
        swatch.setOpacity(opacity < 1 ? Math.max(opacity, 0.45) : 1);
    }

    private void dash(Shape shape) {
        shape.getStrokeDashArray().clear();
        if (dashes != null) {
            for (String d : dashes.split(" ")) {
                shape.getStrokeDashArray().add(Double.parseDouble(d));
            }
        }
    }
}
