package lrwb.app.shell;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lrwb.app.designer.CurveModel;
import lrwb.app.designer.DesignerViewModel;
import lrwb.app.finder.FinderViewModel;
import lrwb.app.form.InputField;
import lrwb.app.form.RunSetupForm;
import lrwb.app.training.ScheduleSource;
import lrwb.app.training.TrainingViewModel;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Which parts of the window {@link WorkbenchState} remembers, under which keys, and how they come back: window
 * size and place (only where a screen still shows it), the dividers of each workspace's split panes, the
 * Designer's curves and chart length, and the text of every Training and Finder form field. FX thread.
 */
final class RememberedWindow {
    private static final String CURVES = "designer.curves";

    private RememberedWindow() {
    }

    /** The form fields that come back as they were left, by key. */
    static Map<String, InputField> fields(TrainingViewModel training, FinderViewModel finder) {
        Map<String, InputField> m = new LinkedHashMap<>();
        setup(m, "training.", training.form().setup());
        m.put("training.epochs", training.form().epochs());
        m.put("training.lr", training.form().schedule().constantLr());
        m.put("training.savedSchedule", training.form().schedule().savedName());
        m.put("training.plateau.lr", training.form().schedule().plateauLr());
        m.put("training.plateau.factor", training.form().schedule().plateauFactor());
        m.put("training.plateau.patience", training.form().schedule().plateauPatience());
        setup(m, "finder.", finder.setup());
        m.put("finder.startLr", finder.startLr());
        m.put("finder.endLr", finder.endLr());
        m.put("finder.iterations", finder.iterations());
        m.put("finder.beta", finder.beta());
        m.put("finder.divergeFactor", finder.divergeFactor());
        return m;
    }

    private static void setup(Map<String, InputField> m, String prefix, RunSetupForm s) {
        m.put(prefix + "dataset", s.dataset());
        m.put(prefix + "model", s.model());
        m.put(prefix + "optimizer", s.optimizer());
        m.put(prefix + "batch", s.batch());
        m.put(prefix + "valSplit", s.valSplit());
        m.put(prefix + "seed", s.seed());
        m.put(prefix + "normalize", s.normalize());
        if (s.offersAugment()) {
            m.put(prefix + "augment", s.augment());
        }
    }

    // ---- back as it was ----

    static void restoreForms(WorkbenchState s, TrainingViewModel training, FinderViewModel finder) {
        fields(training, finder).forEach((key, field) -> s.get("form." + key).ifPresent(field.textProperty()::set));
        s.get("form.training.scheduleSource").ifPresent(name -> {
            try {
                ScheduleSource source = ScheduleSource.valueOf(name);
                if (source != ScheduleSource.GIVEN) { // a hand-over belongs to its session
                    training.form().schedule().sourceProperty().set(source);
                }
            } catch (IllegalArgumentException e) {
                // a name from another version: the default source stays
            }
        });
    }

    /** Puts the remembered curves in the Designer; false when there are none (a first start shows the presets). */
    static boolean restoreDesigner(WorkbenchState s, DesignerViewModel designer) {
        s.number("designer.epochs").ifPresent(e -> designer.epochsProperty().set((int) e));
        s.number("designer.stepsPerEpoch").ifPresent(e -> designer.stepsPerEpochProperty().set((int) e));
        int count = (int) s.number(CURVES).orElse(0);
        int added = 0;
        for (int i = 0; i < count; i++) {
            String name = s.get(CURVES + "." + i + ".name").orElse("Curve " + (i + 1));
            try {
                ScheduleSpec spec = ScheduleJson.parse(s.get(CURVES + "." + i + ".spec").orElse(""));
                designer.add(name, spec);
                added++;
            } catch (RuntimeException e) { // InvalidSpecException, or JSON this version cannot read
                // a curve this version cannot read is left out; the others come back
            }
        }
        if (added > 0) {
            int selected = (int) s.number(CURVES + ".selected").orElse(0);
            designer.selectedProperty().set(designer.curves().get(Math.max(0, Math.min(added - 1, selected))));
        }
        return added > 0;
    }

    /** Size and place, when some screen still shows the window's title bar; otherwise the defaults stay. */
    static void restoreGeometry(WorkbenchState s, Stage stage) {
        OptionalDouble x = s.number("window.x");
        OptionalDouble y = s.number("window.y");
        OptionalDouble w = s.number("window.width");
        OptionalDouble h = s.number("window.height");
        if (w.isPresent() && h.isPresent()) {
            stage.setWidth(Math.max(stage.getMinWidth(), w.getAsDouble()));
            stage.setHeight(Math.max(stage.getMinHeight(), h.getAsDouble()));
        }
        if (x.isPresent() && y.isPresent()
                && !Screen.getScreensForRectangle(new Rectangle2D(x.getAsDouble(), y.getAsDouble(), 100, 30)).isEmpty()) {
            stage.setX(x.getAsDouble());
            stage.setY(y.getAsDouble());
        }
        stage.setMaximized(s.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
    }

    /** The dividers of a workspace's split panes, in the order they appear, as they were left. */
    static void restoreSplits(WorkbenchState s, Workspace w, Node content) {
        List<SplitPane> panes = splitPanes(content);
        for (int i = 0; i < panes.size(); i++) {
            SplitPane pane = panes.get(i);
            for (int d = 0; d < pane.getDividers().size(); d++) {
                OptionalDouble at = s.number(splitKey(w, i, d));
                if (at.isPresent() && at.getAsDouble() > 0 && at.getAsDouble() < 1) {
                    pane.getDividers().get(d).setPosition(at.getAsDouble());
                }
            }
        }
    }

    // ---- as it is now ----

    /** Everything remembered, as it is now; {@code built} holds the content of the workspaces shown so far. */
    static WorkbenchState snapshot(Stage stage, Map<Workspace, Node> built, DesignerViewModel designer,
                                   TrainingViewModel training, FinderViewModel finder, WorkbenchState before) {
        WorkbenchState s = before; // splits of workspaces not shown this time stay as they were
        if (stage != null) {
            s.put("window.maximized", Boolean.toString(stage.isMaximized()));
            if (!stage.isMaximized() && !stage.isIconified()) {
                s.put("window.x", stage.getX());
                s.put("window.y", stage.getY());
                s.put("window.width", stage.getWidth());
                s.put("window.height", stage.getHeight());
            }
        }
        built.forEach((w, content) -> {
            List<SplitPane> panes = splitPanes(content);
            for (int i = 0; i < panes.size(); i++) {
                double[] at = panes.get(i).getDividerPositions();
                for (int d = 0; d < at.length; d++) {
                    s.put(splitKey(w, i, d), at[d]);
                }
            }
        });
        fields(training, finder).forEach((key, field) -> s.put("form." + key, field.textProperty().get()));
        s.put("form.training.scheduleSource", training.form().schedule().sourceProperty().get().name());
        s.put("designer.epochs", designer.epochsProperty().get());
        s.put("designer.stepsPerEpoch", designer.stepsPerEpochProperty().get());
        int n = 0;
        for (CurveModel c : designer.curves()) {
            if (c.spec() != null) {
                s.put(CURVES + "." + n + ".name", c.name());
                s.put(CURVES + "." + n + ".spec", ScheduleJson.write(c.spec()));
                if (c == designer.selected()) {
                    s.put(CURVES + ".selected", n);
                }
                n++;
            }
        }
        for (int old = n; s.get(CURVES + "." + old + ".spec").isPresent(); old++) { // fewer curves than last time
            s.put(CURVES + "." + old + ".name", (String) null);
            s.put(CURVES + "." + old + ".spec", (String) null);
        }
        s.put(CURVES, n);
        return s;
    }

    private static String splitKey(Workspace w, int pane, int divider) {
        return "split." + w.name().toLowerCase() + "." + pane + "." + divider;
    }

    private static List<SplitPane> splitPanes(Node content) {
        return content == null ? List.of() : content.lookupAll(".split-pane").stream()
                .filter(SplitPane.class::isInstance).map(SplitPane.class::cast).toList();
    }
}
