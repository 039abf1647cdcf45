package lrwb.app.chart;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Three charts that share the space they are given: the main one large on the left with the other two
 * stacked beside it when there is height for three readable plots that way, and otherwise all three side by
 * side at full height. A short window keeps every plot usable instead of halving two of them into strips.
 */
public final class ChartTiles extends Region {
    /** Height a stacked chart needs for a plot of ~150 px under its title and above its x axis. */
    private static final double STACKED_MIN_HEIGHT = 200;
    private static final double MAIN_SHARE = 0.55;

    private final Node main;
    private final Node second;
    private final Node third;
    private double gap = 4;
    private boolean stacked;

    public ChartTiles(Node main, Node second, Node third) {
        this.main = main;
        this.second = second;
        this.third = third;
        getChildren().addAll(main, second, third);
        getStyleClass().add("chart-tiles");
    }

    public void setGap(double gap) {
        this.gap = gap;
        requestLayout();
    }

    /** Whether the last layout stacked the second and third chart beside the main one. */
    public boolean isStacked() {
        return stacked;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + 300;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, getWidth() - x - snappedRightInset());
        double h = Math.max(0, getHeight() - y - snappedBottomInset());
        stacked = (h - gap) / 2 >= STACKED_MIN_HEIGHT;
        if (stacked) {
            double mainWidth = Math.floor((w - gap) * MAIN_SHARE);
            double sideWidth = w - gap - mainWidth;
            double top = Math.floor((h - gap) / 2);
            layoutInArea(main, x, y, mainWidth, h, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(second, x + mainWidth + gap, y, sideWidth, top, 0, null, true, true,
                    javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(third, x + mainWidth + gap, y + top + gap, sideWidth, h - top - gap, 0, null, true, true,
                    javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
        } else {
            double each = Math.floor((w - 2 * gap) / 3);
            double last = w - 2 * gap - 2 * each;
            layoutInArea(main, x, y, each, h, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(second, x + each + gap, y, each, h, 0, null, true, true,
                    javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(third, x + 2 * (each + gap), y, last, h, 0, null, true, true,
                    javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
        }
    }
}
