package lrwb.app.form;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * Keeps the side panes of a horizontal {@link SplitPane} (its first and/or last item) at the width the user
 * gave them by dragging a divider, or at their preferred width, within their min and max widths; the middle
 * pane takes whatever the window has left. A SplitPane left to itself keeps divider positions as fractions and
 * moves them when a pane's content asks for room: after a few resizes or a long text, a side pane ends up too
 * narrow for its buttons and never recovers. Here the positions are recomputed from the wanted widths on every
 * resize, so they always come back.
 */
public final class SideWidths {
    private final SplitPane split;
    private final Region left;
    private final Region right;
    private double leftWanted;
    private double rightWanted;
    private boolean applying;
    private boolean pending;
    private boolean dragging;
    /** Corrections in a row without a resize or a drag: a layout that will not settle is left alone after a few. */
    private int corrections;

    private SideWidths(SplitPane split, Region left, Region right) {
        this.split = split;
        this.left = left;
        this.right = right;
        leftWanted = left == null ? 0 : left.getPrefWidth();
        rightWanted = right == null ? 0 : right.getPrefWidth();
        // After the SplitPane's own layout of the new width (which keeps the panes' old widths), not before it.
        split.widthProperty().addListener((o, a, b) -> {
            corrections = 0;
            if (a.doubleValue() <= 0) {
                apply(); // the first layout takes the positions as they are set: no pane moves after it
            }
            later();
        });
        // After a drag, the widths the user left are the ones to keep.
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging = isDivider(e.getTarget()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging) {
                dragging = false;
                corrections = 0;
                if (left != null) {
                    leftWanted = left.getWidth();
                }
                if (right != null) {
                    rightWanted = right.getWidth();
                }
            }
        });
        // Content that changes its minimum (a long text) may make the SplitPane move a divider: put it back.
        for (Region side : java.util.Arrays.asList(left, right)) {
            if (side != null) {
                side.widthProperty().addListener((o, a, b) -> later());
            }
        }
    }

    /**
     * Manages {@code split}'s side panes: {@code left} (the first item) and {@code right} (the last), either may be
     * null. Their preferred widths are what they start at.
     */
    public static SideWidths keep(SplitPane split, Region left, Region right) {
        if (split.getOrientation() != Orientation.HORIZONTAL) {
            throw new IllegalArgumentException("a horizontal SplitPane");
        }
        return new SideWidths(split, left, right);
    }

    private static boolean isDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private void later() {
        if (applying || pending || dragging) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            apply();
        });
    }

    /** Sets the dividers for the wanted widths, within every pane's min and max and the room there is. */
    public void apply() {
        double total = split.getWidth();
        List<javafx.scene.Node> items = split.getItems();
        if (total <= 0 || items.size() < 2) {
            return;
        }
        double dividers = (items.size() - 1) * dividerWidth();
        double room = total - dividers - split.snappedLeftInset() - split.snappedRightInset();
        double middleMin = 0;
        for (javafx.scene.Node n : items) {
            if (n != left && n != right && n instanceof Region r) {
                middleMin += Math.max(0, r.minWidth(-1));
            }
        }
        double l = left == null ? 0 : clamp(leftWanted, left);
        double r = right == null ? 0 : clamp(rightWanted, right);
        double over = l + r + middleMin - room;
        if (over > 0) {
            // Not enough room: the side panes give way, down to their minimums, in proportion to what they can give.
            double lCan = left == null ? 0 : Math.max(0, l - left.minWidth(-1));
            double rCan = right == null ? 0 : Math.max(0, r - right.minWidth(-1));
            double can = lCan + rCan;
            if (can > 0) {
                double give = Math.min(over, can);
                l -= give * lCan / can;
                r -= give * rCan / can;
            }
        }
        double[] positions = split.getDividerPositions();
        double width = total - split.snappedLeftInset() - split.snappedRightInset();
        if (left != null) {
            positions[0] = (l + dividerWidth() / 2) / width;
        }
        if (right != null) {
            positions[positions.length - 1] = (width - r - dividerWidth() / 2) / width;
        }
        boolean differs = false;
        double[] now = split.getDividerPositions();
        for (int i = 0; i < now.length; i++) {
            differs |= Math.abs(now[i] - positions[i]) * width > 0.5;
        }
        if (differs && corrections++ < 4) {
            applying = true;
            try {
                split.setDividerPositions(positions);
            } finally {
                applying = false;
            }
        }
    }

    /** The width of this SplitPane's own dividers (not those of a SplitPane inside it). */
    private double dividerWidth() {
        for (Node n : split.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("split-pane-divider") && n instanceof Region d && d.getWidth() > 0) {
                return d.getWidth();
            }
        }
        return 6;
    }

    private static double clamp(double wanted, Region pane) {
        double min = pane.minWidth(-1);
        double max = pane.maxWidth(-1);
        return Math.max(min, Math.min(max, wanted));
    }
}
