package lrwb.app.chart;

import javafx.scene.paint.Color;

/**
 * A vertical line across a {@link CurveChart}'s plot at one x value, with a short label at its top: where
 * something happened along the curves (an LR set by hand, a plateau reduction). Created by
 * {@link CurveChart#addMarker}.
 *
 * @param label a few characters, e.g. "lr 0.003"; the whole sentence belongs in a table or status line
 */
public record ChartMarker(double x, String label, Color color) {
}
