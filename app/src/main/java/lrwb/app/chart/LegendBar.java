package lrwb.app.chart;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * A legend of switches: one entry per curve or run, its line as drawn and its name; clicking an entry shows or
 * hides what it names, double-clicking shows it alone (and again everything, if it was already alone). The
 * entries wrap onto rows; beyond {@link #setMaxRows} rows the legend scrolls instead of growing, so eleven runs
 * never squeeze the plot under it. Long names end in "…" with the whole name in the tooltip.
 */
public final class LegendBar {
    /** Widest an entry gets before its name is cut with "…". */
    private static final double MAX_ENTRY_WIDTH = 260;

    private final FlowPane flow = new FlowPane(Orientation.HORIZONTAL, 10, 2);
    private final ScrollPane scroll = new ScrollPane(flow);
    private final Capped root = new Capped();
    private final List<Entry> entries = new ArrayList<>();
    private int maxRows = 2;

    /** One entry; {@link #remove(Entry)} it to drop its bindings. */
    public final class Entry {
        private final ToggleButton button = new ToggleButton();
        private final Line swatch = new Line(0, 0, 18, 0);
        private final BooleanProperty shown;
        private final ObservableValue<LineStyle> style;
        private final ChangeListener<LineStyle> restyle;

        private Entry(ObservableValue<String> name, ObservableValue<Color> color, ObservableValue<LineStyle> style,
                      BooleanProperty shown) {
            this.shown = shown;
            this.style = style;
            swatch.strokeProperty().bind(color);
            styleSwatch(style.getValue());
            restyle = (o, was, now) -> styleSwatch(now);
            style.addListener(restyle);
            button.setGraphic(swatch);
            button.textProperty().bind(name);
            button.selectedProperty().bindBidirectional(shown);
            button.setMaxWidth(MAX_ENTRY_WIDTH);
            button.setMnemonicParsing(false);
            button.getStyleClass().add("chart-legend-entry");
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.concat(name, "\nClick: show or hide · double-click: show only this"));
            button.setTooltip(tip);
            button.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    solo(this);
                }
            });
        }

        public ToggleButton node() {
            return button;
        }

        public BooleanProperty shownProperty() {
            return shown;
        }

        private void styleSwatch(LineStyle s) {
            (s == null ? LineStyle.SOLID : s).applyTo(swatch);
        }

        private void unbind() {
            button.selectedProperty().unbindBidirectional(shown);
            button.textProperty().unbind();
            button.getTooltip().textProperty().unbind();
            swatch.strokeProperty().unbind();
            style.removeListener(restyle);
        }
    }

    public LegendBar() {
        flow.getStyleClass().add("chart-legend-flow");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("chart-legend-scroll");
        scroll.setFocusTraversable(false);
        root.getStyleClass().add("chart-legend-bar");
    }

    /** What to put in a layout: as tall as its rows, at most {@link #setMaxRows} of them, and no wider than it is given. */
    public Region node() {
        return root;
    }

    /** How many rows show before the legend scrolls (default 2). */
    public void setMaxRows(int rows) {
        maxRows = Math.max(1, rows);
        root.requestLayout();
    }

    public Entry add(ObservableValue<String> name, ObservableValue<Color> color, ObservableValue<LineStyle> style,
                     BooleanProperty shown) {
        Entry e = new Entry(name, color, style, shown);
        entries.add(e);
        flow.getChildren().add(e.button);
        return e;
    }

    public void remove(Entry e) {
        if (entries.remove(e)) {
            e.unbind();
            flow.getChildren().remove(e.button);
        }
    }

    public void clear() {
        List.copyOf(entries).forEach(this::remove);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Shows only {@code e}; if it already was the only one shown, shows all again. */
    private void solo(Entry e) {
        boolean alone = entries.stream().allMatch(x -> x == e || !x.shown.get());
        boolean othersWereHidden = alone && e.shown.get();
        for (Entry x : entries) {
            x.shown.set(x == e || othersWereHidden);
        }
        e.shown.set(true);
    }

    /** The scroll pane, sized to the rows it needs up to the cap; takes no width of its own. */
    private final class Capped extends Region {
        Capped() {
            getChildren().add(scroll);
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        private double rowHeight() {
            double h = 0;
            for (var n : flow.getChildren()) {
                h = Math.max(h, n.prefHeight(-1));
            }
            return h;
        }

        private double contentHeight(double width) {
            if (flow.getChildren().isEmpty()) {
                return 0;
            }
            double w = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
            return flow.prefHeight(w);
        }

        private double cap() {
            double row = rowHeight();
            Insets in = flow.getInsets();
            return maxRows * row + (maxRows - 1) * flow.getVgap() + in.getTop() + in.getBottom();
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = Math.min(contentHeight(width), cap());
            return snappedTopInset() + snappedBottomInset() + Math.ceil(h);
        }

        /** Whole rows or nothing: a legend squeezed between rows would show the tops of names cut in half. */
        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + snappedRightInset() + 120;
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double y = snappedTopInset();
            double w = getWidth() - x - snappedRightInset();
            double h = getHeight() - y - snappedBottomInset();
            scroll.resizeRelocate(x, y, Math.max(0, w), Math.max(0, h));
        }
    }
}
