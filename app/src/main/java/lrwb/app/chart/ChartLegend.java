package lrwb.app.chart;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CurveChart}'s own legend: one {@link LegendBar} entry per listed curve, a switch for its visibility
 * (so the legend is also a keyboard-reachable visibility switch). Built only while shown.
 */
final class ChartLegend {
    private final LegendBar bar = new LegendBar();
    private final ObservableList<ChartCurve> curves;
    private final List<LegendBar.Entry> entries = new ArrayList<>();
    private boolean shown = true;

    ChartLegend(ObservableList<ChartCurve> curves) {
        this.curves = curves;
        curves.addListener((ListChangeListener<ChartCurve>) change -> rebuild());
        rebuild();
    }

    Region node() {
        return bar.node();
    }

    LegendBar bar() {
        return bar;
    }

    void setShown(boolean shown) {
        this.shown = shown;
        bar.node().setVisible(shown);
        bar.node().setManaged(shown);
        rebuild();
    }

    private void rebuild() {
        entries.forEach(bar::remove);
        entries.clear();
        if (!shown) {
            return;
        }
        for (ChartCurve c : curves) {
            if (c.isInLegend()) {
                entries.add(bar.add(c.nameProperty(), c.colorProperty(), c.lineStyleProperty(), c.visibleProperty()));
            }
        }
    }
}
