package lrwb.app.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import lrwb.app.designer.DesignerView;
import lrwb.app.designer.DesignerViewModel;
import lrwb.app.files.FileTarget;
import lrwb.app.designer.Preset;
import lrwb.app.files.ScheduleLibrary;
import lrwb.app.designer.SnippetFormat;
import lrwb.app.finder.FinderView;
import lrwb.app.finder.FinderViewModel;
import lrwb.app.runs.RunsView;
import lrwb.app.runs.RunsViewModel;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.app.sweeps.SweepsView;
import lrwb.app.sweeps.SweepsViewModel;
import lrwb.app.stream.TaskExecutor;
import lrwb.app.training.TrainingView;
import lrwb.app.training.TrainingViewModel;
import lrwb.engine.data.DataCache;
import lrwb.engine.run.RunService;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.schedule.ScheduleSpec;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The window: one tab per workspace and a status line that tells when the engine is ready. FX thread. */
public final class MainWindow {
    /** How long closing waits for live runs to write their last lines; a run slower than that reads as interrupted. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
    /** The window's first size: fits a 1280 x 800 screen with room for a desktop's bars. */
    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 780;
    /**
     * The smallest the window gets (the Stage refuses less): every workspace's controls and every chart's plot
     * still fit, with plots of at least 200 x 120 px (WindowLayoutTest); and it fits a 1024 x 768 projector.
     */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 660;

    /** The window's tab bar and status line; shown before this window is built, in the app. */
    private final WindowFrame frame;
    private final BorderPane root;
    private final TabPane tabs;
    private final EngineStatusViewModel engineStatus;
    private final DesignerViewModel designer;
    private final FinderViewModel finder;
    private final TrainingViewModel training;
    private final RunsViewModel runs;
    private final SweepsViewModel sweeps;
    /** Every range test and training run of the window starts here (one flusher thread for all their records). */
    private final RunService runService;
    private final Label status;
    private final TaskExecutor executor;
    /** What the window remembers between sessions, and where (the workbench home). */
    private final WorkbenchState remembered;
    private final java.nio.file.Path stateFile;
    /** The content of each workspace built so far: its split positions are remembered. */
    private final Map<Workspace, Node> built = new java.util.EnumMap<>(Workspace.class);
    /** Asked before closing stops live runs: "Stop and quit" (true) or "Cancel"; given how many runs are live. */
    private java.util.function.IntPredicate confirmQuit = MainWindow::askStopAndQuit;
    private Stage stage;
    private boolean closing;

    /** The window on the workbench home of {@code LRWB_HOME} or {@code ~/.lrworkbench}, with its own executor. */
    public MainWindow(EngineContext engine, CompletionStage<EngineInfo> engineStartup) {
        this(engine, engineStartup, WorkbenchHome.resolve(null), FileTarget.dialog(), new FxTaskExecutor());
    }

    /** {@link #MainWindow(EngineContext, CompletionStage, WorkbenchHome, FileTarget, TaskExecutor)} with its own executor. */
    public MainWindow(EngineContext engine, CompletionStage<EngineInfo> engineStartup, WorkbenchHome home, FileTarget files) {
        this(engine, engineStartup, home, files, new FxTaskExecutor());
    }

    /**
     * @param engine        the one engine context every workspace runs its jobs on; the caller closes it
     * @param engineStartup completes when the engine is ready (for the status line)
     * @param home          where schedules are saved and loaded (a temp folder in tests)
     * @param files         where exports go: a file chooser, or a fixed answer in tests
     * @param executor      where every workspace's engine and disk work runs
     */
    public MainWindow(EngineContext engine, CompletionStage<EngineInfo> engineStartup, WorkbenchHome home, FileTarget files,
                      TaskExecutor executor) {
        this(engine, engineStartup, home, files, executor, WorkbenchState.empty());
    }

    /**
     * @param remembered what the last session left ({@link #readRemembered}, read off the FX thread before)
     */
    public MainWindow(EngineContext engine, CompletionStage<EngineInfo> engineStartup, WorkbenchHome home, FileTarget files,
                      TaskExecutor executor, WorkbenchState remembered) {
        this(engine, engineStartup, home, files, executor, remembered, new WindowFrame());
    }

    /**
     * @param frame the tab bar and status line this window fills in: one already on screen ({@link WindowFrame#show}),
     *              then {@link #attachTo} the stage that shows it
     */
    public MainWindow(EngineContext engine, CompletionStage<EngineInfo> engineStartup, WorkbenchHome home, FileTarget files,
                      TaskExecutor executor, WorkbenchState remembered, WindowFrame frame) {
        this.frame = frame;
        this.root = frame.root();
        this.tabs = frame.tabs();
        this.status = frame.status();
        this.executor = executor;
        this.remembered = remembered;
        this.stateFile = stateFile(home);
        runService = new RunService(engine, DataCache.withDefaultBudget()); // one read of a data set per session
        engineStatus = new EngineStatusViewModel(engineStartup);
        designer = new DesignerViewModel(new ScheduleLibrary(home), codeFormats(), executor);
        if (!RememberedWindow.restoreDesigner(remembered, designer)) {
            // A first look that already compares something, rather than an empty chart.
            for (String name : List.of("Step: halve every 10 epochs", "Cosine + warmup", "One-cycle")) {
                designer.addPreset(Preset.named(name));
            }
            designer.selectedProperty().set(designer.curves().get(1));
        }
        training = new TrainingViewModel(home, runService, executor);
        runs = new RunsViewModel(home, executor);
        finder = new FinderViewModel(runService, home.runs(), executor);
        sweeps = new SweepsViewModel(home.sweeps(), home.runs(), engine, executor);
        training.holdDataChecksUntil(engineStartup);
        finder.holdDataChecksUntil(engineStartup);
        RememberedWindow.restoreForms(remembered, training, finder);
        finder.setDesignerSink(spec -> {
            // The chart spans the run the schedule was made for, so a one-cycle of 80 updates is no spike at its start.
            designer.stepsPerEpochProperty().set(Math.max(1, finder.stepsPerEpoch()));
            designer.epochsProperty().set(training.plannedEpochs(FinderViewModel.ONE_CYCLE_EPOCHS));
            designer.add("From the LR Finder: " + spec.type(), spec);
            show(Workspace.DESIGNER);
        });
        // Finder -> Training carries the test's setup with the schedule; its schedules last as long as Training plans.
        finder.setTrainingSink((setup, spec) -> {
            training.useFromFinder(setup, spec);
            show(Workspace.TRAINING);
        });
        // Sweeps -> Finder: a range test of a sweep's setup, so its suggestions can be drawn on the sweep's LR axis.
        sweeps.setRangeTestSink(setup -> {
            setup.fillInto(finder.setup());
            show(Workspace.FINDER);
            finder.start();
        });
        finder.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                sweeps.refreshRangeTests();
            }
        });
        finder.setPlannedEpochs(() -> training.plannedEpochs(FinderViewModel.ONE_CYCLE_EPOCHS));
        Map<Tab, Supplier<Node>> contentOnFirstVisit = new HashMap<>();
        for (Workspace w : Workspace.values()) {
            Supplier<Node> content = switch (w) {
                case DESIGNER -> () -> new DesignerView(designer, files).node();
                case FINDER -> () -> {
                    FinderView finderView = new FinderView(finder, files, home.root().resolve("exports"));
                    finderView.setTrainWithThis(finder::trainWithBand);
                    return finderView.node();
                };
                case TRAINING -> () -> new TrainingView(training, files).node();
                case RUNS -> () -> new RunsView(runs, files).node();
                case SWEEPS -> () -> new SweepsView(sweeps, files, home.root().resolve("exports")).node();
                default -> () -> emptyWorkspace(w);
            };
            Tab tab = frame.tab(w);
            contentOnFirstVisit.put(tab, () -> {
                Node node = content.get();
                built.put(w, node);
                RememberedWindow.restoreSplits(remembered, w, node);
                return node;
            });
        }
        // A workspace's View is built, and joins the scene, when its tab is first shown: building, styling and laying
        // out the hidden ones would hold the window up by a second. The ViewModels exist from the start, so
        // hand-overs between workspaces reach a workspace never shown; its View shows their state when it is built.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            Supplier<Node> content = tab == null ? null : contentOnFirstVisit.remove(tab);
            if (content != null) {
                tab.setContent(content.get());
            }
        });
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        shown.setContent(contentOnFirstVisit.remove(shown).get());
        designer.trainHandlerProperty().set(this::trainWith);
        // One run, one colour and one name in both workspaces; a run deleted in Runs leaves Training too.
        runs.setKnownColors(training::colorOf);
        runs.setRecordListeners(training::forget, training::renamed);
        runs.setOpeners(dir -> {
            training.reopen(dir, runs.colorOf(dir));
            show(Workspace.TRAINING);
        }, dir -> {
            finder.reopenOrSayWhy(dir);
            show(Workspace.FINDER);
        });
        // Runs -> Sweeps: a sweep is one entry in Runs; it opens in its own workspace, with its cells.
        runs.setSweepOpener(dir -> {
            sweeps.open(dir);
            show(Workspace.SWEEPS);
        });
        runs.setNetworkHandOvers((config, dir) -> {
            training.continueFrom(config, dir);
            show(Workspace.TRAINING);
        }, (config, dir) -> {
            finder.rangeTestFrom(config, dir);
            show(Workspace.FINDER);
        });
        // Inspect opens a window of its own beside the main one, from Runs and from Training alike.
        // A 2-D run still training here is followed live (its decision boundary), wherever Inspect is opened from.
        java.util.function.Consumer<java.nio.file.Path> inspector = dir -> lrwb.app.inspect.InspectWindow.show(stage, executor,
                files, home.root().resolve("exports"), dir, training.liveHandle(dir));
        runs.setInspector(inspector);
        training.setInspector(inspector);
        // The Runs list follows the disk: on opening its tab, and whenever a training run starts or ends.
        training.recordsChangedProperty().addListener((o, a, b) -> runs.refresh());
        sweeps.runningProperty().addListener((o, a, b) -> runs.refresh()); // a sweep's row: running, then how it ended
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null && tab.getId().equals("tab-runs")) {
                runs.refresh();
            }
        });
        runs.refresh();
        status.textProperty().bind(engineStatus.statusProperty());
    }

    /** The code languages of the Designer's "Copy code" menu: the engine's exporters. */
    static List<SnippetFormat> codeFormats() {
        return java.util.Arrays.stream(lrwb.engine.export.CodeLanguage.values())
                .map(l -> new SnippetFormat(SnippetFormat.labelFor(l.cliName()),
                        (spec, spe) -> lrwb.engine.export.CodeExport.snippet(spec, l, spe)))
                .toList();
    }

    /** Until a workspace is built, its tab says what it is for, not a dead control. */
    private static VBox emptyWorkspace(Workspace w) {
        Label heading = new Label(w.heading());
        heading.getStyleClass().add("workspace-heading");
        Label purpose = new Label(w.purpose());
        purpose.setWrapText(true);
        purpose.setMaxWidth(560);
        Label state = new Label("Not available in this version yet. The lrwb command line has the schedule engine today.");
        state.getStyleClass().add("workspace-note");
        VBox box = new VBox(10, heading, purpose, state);
        box.setPadding(new Insets(32));
        box.setId("workspace-" + w.name().toLowerCase());
        return box;
    }

    public BorderPane root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    public DesignerViewModel designer() {
        return designer;
    }

    public FinderViewModel finder() {
        return finder;
    }

    public TrainingViewModel training() {
        return training;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public SweepsViewModel sweeps() {
        return sweeps;
    }

    /** "Train with this" from any workspace: the schedule goes into the training form and Training comes to the front. */
    public void trainWith(ScheduleSpec spec) {
        training.useSchedule(spec);
        show(Workspace.TRAINING);
    }

    /** Brings a workspace's tab to the front. */
    public void show(Workspace w) {
        tabs.getSelectionModel().select(w.ordinal());
    }

    public EngineStatusViewModel engineStatus() {
        return engineStatus;
    }

    public Scene scene() {
        return frame.scene();
    }

    public void show(Stage stage) {
        frame.show(stage, remembered);
        attachTo(stage);
    }

    /** Takes over the stage that shows this window's frame: from now on, closing it stops the live runs first. */
    public void attachTo(Stage stage) {
        this.stage = stage;
        stage.setOnCloseRequest(e -> closeAfterRuns(e, stage));
    }

    /** Where the window's remembered state lives: {@code window.properties} in the workbench home. */
    public static java.nio.file.Path stateFile(WorkbenchHome home) {
        return home.root().resolve(WorkbenchState.FILE_NAME);
    }

    /** What the last session left in {@code home}; call it off the FX thread (it reads the disk). */
    public static WorkbenchState readRemembered(WorkbenchHome home) {
        return WorkbenchState.read(stateFile(home));
    }

    /**
     * What is asked before closing stops live runs (tests answer without a dialog): given the number of live runs,
     * true to stop them and quit, false to keep the window open.
     */
    public void setQuitConfirmation(java.util.function.IntPredicate confirm) {
        this.confirmQuit = confirm;
    }

    /** The window's state as it is now, as it will be remembered (tests). */
    public WorkbenchState snapshot() {
        return RememberedWindow.snapshot(stage, built, designer, training, finder, remembered);
    }

    private static boolean askStopAndQuit(int liveRuns) {
        javafx.scene.control.ButtonType stopAndQuit = new javafx.scene.control.ButtonType("Stop and quit",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                liveRuns == 1 ? "A run is still going. Quitting stops it; what it recorded so far is kept."
                        : liveRuns + " runs are still going. Quitting stops them; what they recorded so far is kept.",
                stopAndQuit, javafx.scene.control.ButtonType.CANCEL);
        ask.setTitle("Quit LR Workbench");
        ask.setHeaderText("Stop the live runs and quit?");
        return ask.showAndWait().filter(stopAndQuit::equals).isPresent();
    }

    /**
     * Closing the window stops live runs cleanly, so their records end as cancelled rather than interrupted:
     * the window stays until they have written their last lines (at most {@link #CLOSE_TIMEOUT}), waited for
     * off the FX thread, and then closes; the app exits with its last window. Without live runs it closes at once.
     */
    private void closeAfterRuns(WindowEvent request, Stage stage) {
        request.consume();
        if (closing) {
            return; // a second click on the close button while the runs stop
        }
        int live = training.liveRunCount() + (finder.runningProperty().get() ? 1 : 0) + (sweeps.runningProperty().get() ? 1 : 0);
        if (live > 0 && !confirmQuit.test(live)) {
            return; // Cancel: the window stays and the runs go on
        }
        closing = true;
        // Remembered as it is now; written off the FX thread while the runs stop.
        CompletableFuture<?> saved = snapshot().write(executor, stateFile).exceptionally(e -> null);
        if (live > 0) {
            status.textProperty().unbind();
            status.setText("Stopping the live runs before closing…");
        }
        CompletableFuture.allOf(training.shutdown(CLOSE_TIMEOUT), finder.shutdown(CLOSE_TIMEOUT), sweeps.shutdown(CLOSE_TIMEOUT), saved)
                .whenComplete((done, error) -> stage.close());
    }

    /** Whether the window is waiting for live runs to stop before it closes. */
    public boolean isClosing() {
        return closing;
    }
}
