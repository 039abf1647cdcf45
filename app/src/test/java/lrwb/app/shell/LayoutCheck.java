package lrwb.app.shell;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user would find wrong with a workspace at the window's current size, in words: a key control outside
 * the window or cut by the pane around it, a button that does not show all its words, a plot smaller than
 * 200 x 120 px or cut. Used by WindowLayoutTest (headless) and LayoutTour (the real window on a display). FX thread.
 */
final class LayoutCheck {
    static final List<Workspace> WORKSPACES = List.of(Workspace.DESIGNER, Workspace.FINDER, Workspace.TRAINING, Workspace.RUNS,
            Workspace.SWEEPS);
    /** What "usable" means for a plot. */
    static final double PLOT_MIN_WIDTH = 200;
    static final double PLOT_MIN_HEIGHT = 120;
    /** A companion strip's plot (the Designer's momentum) in the smallest window: its ticks and axis title readable. */
    static final double COMPANION_MIN_HEIGHT = 55;
    /** Print the split panes' widths (to see why a pane is where it is). */
    private static final boolean DEBUG = Boolean.getBoolean("lrwb.layoutDebug");

    private LayoutCheck() {
    }

    private static final List<String> TRAINING_CONTROLS = List.of("#train-start", "#train-enqueue", "#train-queue-mode",
            "#train-start-queue", "#train-pause", "#train-resume", "#train-stop", "#train-stop-all", "#train-remove", "#train-queue",
            "#train-run-title", "#train-progress-text", "#train-progress", "#train-run-message", "#train-override-slider",
            "#train-override-lr", "#train-override-apply", "#train-override-clear", "#train-key", "#train-batch-loss",
            "#train-key-smoothed", "#train-key-train", "#train-key-validation", "#train-smoothing", "#train-export-png",
            "#train-legend", "#train-log-lr", "#train-log-loss", "#train-inspect", "#train-status");
    /**
     * The Training form's essential fields, in view without scrolling from the default window size up (below it the
     * form scrolls): data, network, optimizer, the LR (its source and the source's fields), batch size, epochs.
     */
    private static final List<String> TRAINING_FORM_ESSENTIALS = List.of("#train-dataset", "#train-model", "#train-optimizer",
            "#train-schedule-source", "#train-schedule-detail", "#train-batch", "#train-epochs");
    private static final List<String> FINDER_CONTROLS = List.of("#finder-start", "#finder-stop", "#finder-dataset",
            "#finder-steepest", "#finder-valley", "#finder-minimum10", "#finder-bounds", "#finder-to-cyclic", "#finder-to-onecycle",
            "#finder-train", "#finder-runs", "#finder-export-png", "#finder-export-csv", "#finder-progress", "#finder-status");
    private static final List<String> DESIGNER_CONTROLS = List.of("#add-preset", "#add-type", "#open-saved", "#curve-list",
            "#duplicate-curve", "#remove-curve", "#x-iterations", "#x-epochs", "#log-scale", "#export-png", "#export-csv",
            "#epochs", "#steps-per-epoch", "#formula", "#save", "#copy-code", "#designer-train", "#designer-status");
    private static final List<String> RUNS_CONTROLS = List.of("#runs-filter", "#runs-kind", "#runs-refresh", "#runs-open",
            "#runs-network", "#runs-rename", "#runs-delete", "#runs-export-csv", "#runs-export-png", "#runs-table", "#runs-status");
    private static final List<String> SWEEPS_CONTROLS = List.of("#sweep-presets", "#sweep-name", "#sweep-run", "#sweep-stop",
            "#sweep-open", "#sweep-resume", "#sweep-progress", "#sweep-status", "#sweep-metric", "#sweep-export-png",
            "#sweep-views", "#sweep-table");
    /** Labels that end in "…" by design when narrow (their whole text is in a tooltip). */
    private static final Set<String> MAY_ELLIPSIZE = Set.of("#train-run-title", "#train-run-message", "#train-status",
            "#finder-status", "#designer-status", "#runs-status", "#sweep-status");

    /** What is wrong with a workspace at the current size, in words; empty when everything fits. */
    static List<String> problems(MainWindow window, Workspace w) {
        Scene shownIn = window.root().getScene();
        boolean defaultSizeOrMore = shownIn.getWidth() >= MainWindow.DEFAULT_WIDTH - 1 && shownIn.getHeight() >= MainWindow.DEFAULT_HEIGHT - 1;
        List<String> controls = switch (w) {
            case TRAINING -> defaultSizeOrMore ? concat(TRAINING_CONTROLS, TRAINING_FORM_ESSENTIALS) : TRAINING_CONTROLS;
            case FINDER -> FINDER_CONTROLS;
            case DESIGNER -> DESIGNER_CONTROLS;
            case SWEEPS -> SWEEPS_CONTROLS;
            default -> RUNS_CONTROLS;
        };
        // the Designer's momentum chart is there while a shown curve cycles momentum (the first-start presets' one-cycle)
        Node momentum = window.root().lookup("#momentum-chart");
        boolean momentumShown = momentum != null && momentum.getScene() != null && momentum.isVisible();
        int charts = w == Workspace.DESIGNER ? (momentumShown ? 2 : 1) : w == Workspace.SWEEPS ? 1 : w == Workspace.FINDER ? 2 : 3;
        {
            List<String> p = new ArrayList<>();
            String where = sizeName(window) + " " + w.name().toLowerCase(Locale.ROOT);
            Scene scene = window.root().getScene();
            SplitPane sp = split(window.tabs().getSelectionModel().getSelectedItem().getContent());
            if (DEBUG && sp != null) {
                System.out.println("DEBUG " + where + " split " + java.util.Arrays.toString(sp.getDividerPositions()) + " widths "
                        + sp.getItems().stream().map(i -> String.format(Locale.ROOT, "%.0f(min %.0f, pref %.0f)", ((Region) i).getWidth(),
                        ((Region) i).minWidth(-1), ((Region) i).prefWidth(-1))).toList());
            }
            for (String id : controls) {
                Node n = window.root().lookup(id);
                if (n == null || !n.isVisible()) {
                    p.add(where + ": " + id + " is missing");
                    continue;
                }
                String cut = clipped(n, scene);
                if (cut != null) {
                    p.add(where + ": " + id + " " + cut);
                } else if (n instanceof Labeled l && !MAY_ELLIPSIZE.contains(id) && l.getText() != null && !l.getText().isEmpty()
                        && l.getWidth() < l.prefWidth(-1) - 1) {
                    p.add(where + ": " + id + " is cut (" + l.getWidth() + " of " + l.prefWidth(-1) + " px)");
                } else if (n instanceof Region r && (r.getWidth() < 8 || r.getHeight() < 8)) {
                    p.add(where + ": " + id + " is squeezed to " + r.getWidth() + " x " + r.getHeight());
                }
            }
            List<Node> plots = window.root().lookupAll(".chart-plot-background").stream()
                    .filter(n -> n.getScene() != null && shown(n) && inShownWorkspace(window, n)).toList();
            if (plots.size() != charts) {
                p.add(where + ": " + plots.size() + " plots, expected " + charts);
            }
            for (Node plot : plots) {
                Bounds b = plot.localToScene(plot.getLayoutBounds());
                String cut = clipped(plot, scene);
                if (cut != null) {
                    p.add(where + ": a plot " + cut);
                }
                // the momentum chart is a companion strip: in the smallest window it gives its height to the LR chart
                boolean companion = momentumShown && momentum.getParent() != null
                        && plot.localToScene(plot.getLayoutBounds()).getMinY() >= momentum.localToScene(momentum.getLayoutBounds()).getMinY();
                if (b.getWidth() < PLOT_MIN_WIDTH || b.getHeight() < (companion ? COMPANION_MIN_HEIGHT : PLOT_MIN_HEIGHT)) {
                    p.add(String.format(Locale.ROOT, "%s: a plot is %.0f x %.0f px (%s)", where, b.getWidth(), b.getHeight(),
                            chartId(plot)));
                }
            }
            // an axis says its whole title (a short plot must not cut "momentum" to "mo…")
            for (Node axisLabel : window.root().lookupAll(".axis-label")) {
                if (axisLabel instanceof Labeled l && l.getScene() != null && shown(l) && inShownWorkspace(window, l)
                        && l.getText() != null && !l.getText().isEmpty()
                        && l.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                    p.add(where + ": the axis title \"" + l.getText() + "\" shows as \"" + t.getText() + "\" (" + chartId(l) + ")");
                }
            }
            // the labels of a plot's markers (the Finder's suggestions) never cover one another
            List<Labeled> markerLabels = window.root().lookupAll(".plot-marker-label").stream()
                    .filter(n -> n.getScene() != null && shown(n) && inShownWorkspace(window, n)).map(n -> (Labeled) n).toList();
            for (int i = 0; i < markerLabels.size(); i++) {
                for (int j = i + 1; j < markerLabels.size(); j++) {
                    Bounds a = markerLabels.get(i).localToScene(markerLabels.get(i).getLayoutBounds());
                    Bounds b = markerLabels.get(j).localToScene(markerLabels.get(j).getLayoutBounds());
                    if (a.intersects(b)) {
                        p.add(where + ": the marker labels \"" + markerLabels.get(i).getText() + "\" " + describe(a) + " and \""
                                + markerLabels.get(j).getText() + "\" " + describe(b) + " overlap");
                    }
                }
            }
            return p;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String sizeName(MainWindow window) {
        Scene s = window.root().getScene();
        return String.format(Locale.ROOT, "%.0fx%.0f", s.getWidth(), s.getHeight());
    }

    private static SplitPane split(Node root) {
        return (SplitPane) root.lookup(".split-pane");
    }

    /** Visible, and so is everything around it (a plot on a tab not selected is not shown). */
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inShownWorkspace(MainWindow window, Node n) {
        Node content = window.tabs().getSelectionModel().getSelectedItem().getContent();
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == content) {
                return true;
            }
        }
        return false;
    }

    private static String chartId(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x.getId() != null) {
                return "#" + x.getId();
            }
        }
        return "?";
    }

    /**
     * Why {@code n} is not wholly on screen: outside the window, or outside one of the panes around it (which
     * clip or overflow it). Null when it is whole.
     */
    private static String clipped(Node n, Scene scene) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1) {
            return "lies outside the window " + describe(b);
        }
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (!(p instanceof Region r) || p.getClass().getName().contains("Chart") || p.getClass().getName().endsWith("Axis")) {
                continue;
            }
            Bounds outer = r.localToScene(r.getLayoutBounds());
            if (b.getMinX() < outer.getMinX() - 1 || b.getMinY() < outer.getMinY() - 1 || b.getMaxX() > outer.getMaxX() + 1
                    || b.getMaxY() > outer.getMaxY() + 1) {
                return "is cut by its " + r.getClass().getSimpleName() + (r.getId() == null ? "" : " #" + r.getId())
                        + " " + describe(outer) + ": " + describe(b);
            }
        }
        return null;
    }

    private static String describe(Bounds b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

}
