package lrwb.app.shell;

import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.app.finder.FinderViewModel;
import lrwb.app.training.QueueMode;
import lrwb.app.training.RunState;
import lrwb.app.training.TrainingViewModel;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.startup.EngineStartup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A window with a crowd in it, as a class would leave it: ten real training runs on iris under ten different
 * schedules (decays, cycles, a plateau, runs of different lengths) and ten real range tests. Tiny runs (a few
 * hundred updates of a small MLP), so the whole lot takes seconds. Called off the FX thread.
 */
public final class WindowFixtures {
    /** Ten schedules whose LRs span five decades, for ten runs of 12 epochs of 8 updates (the last runs 30 epochs). */
    static final List<String> SCHEDULES = List.of(
            "{\"type\":\"constant\",\"lr\":0.05}",
            "{\"type\":\"constant\",\"lr\":0.2}",
            "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":96}",
            "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":24,\"gamma\":0.3}",
            "{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":0.9,\"decaySteps\":2}",
            "{\"type\":\"oneCycle\",\"maxLr\":0.3,\"totalSteps\":96}",
            "{\"type\":\"cyclic\",\"baseLr\":0.005,\"maxLr\":0.2,\"stepSizeUp\":16}",
            "{\"type\":\"plateau\",\"lr\":0.1,\"patience\":1,\"factor\":0.3}",
            "{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.5,\"decaySteps\":4}",
            "{\"type\":\"cosine\",\"lr\":0.05,\"decaySteps\":240,\"warmupSteps\":24,\"warmupTarget\":0.15}");

    private WindowFixtures() {
    }

    /**
     * For the real-window tours: the main window on a fresh workbench home (a temp folder named after the tour),
     * shown as the app shows it, at the screen's top left so screenshots of the root window frame it.
     */
    static MainWindow showOnFreshHome(Stage stage, EngineContext engine, String tour) throws IOException {
        Path home = Files.createTempDirectory("lrwb-" + tour);
        MainWindow window = new MainWindow(engine, CompletableFuture.completedFuture(new EngineStartup.EngineInfo("CpuBackend", 1, 900)),
                new WorkbenchHome(home), (owner, title, ext, suggested) -> suggested);
        window.show(stage);
        stage.setX(0);
        stage.setY(0);
        return window;
    }

    /** Ten training runs side by side, to their ends. */
    public static void trainTenRuns(MainWindow window) throws Exception {
        TrainingViewModel training = window.training();
        onFx(() -> {
            training.queueModeProperty().set(QueueMode.SIDE_BY_SIDE);
            training.form().setup().batch().textProperty().set("16");
            for (int i = 0; i < SCHEDULES.size(); i++) {
                training.form().epochs().textProperty().set(i == SCHEDULES.size() - 1 ? "30" : "12");
                training.form().setup().seed().textProperty().set(Integer.toString(40 + i));
                training.useSchedule(ScheduleJson.parse(SCHEDULES.get(i)));
                if (training.addToQueue() == null) {
                    throw new IllegalStateException("not queued: " + SCHEDULES.get(i) + ": " + training.statusProperty().get());
                }
            }
            training.form().epochs().textProperty().set("12");
            training.startQueue();
        });
        await(120, () -> onFx(() -> training.runs().size() == SCHEDULES.size()
                && training.runs().stream().allMatch(r -> r.state().hasEnded())));
        onFx(() -> {
            if (training.runs().stream().anyMatch(r -> r.state() != RunState.FINISHED)) {
                throw new IllegalStateException("a fixture run did not finish: " + training.statusProperty().get());
            }
        });
    }

    /** Ten short range tests, one after another, with different optimizers, batch sizes and seeds. */
    public static void rangeTestTen(MainWindow window) throws Exception {
        FinderViewModel finder = window.finder();
        String[] optimizers = {"sgd", "adam", "momentum:0.9", "rmsprop", "sgd", "adam", "nesterov:0.9", "adamax", "sgd", "adam"};
        for (int i = 0; i < 10; i++) {
            int k = i;
            onFx(() -> {
                finder.setup().optimizer().textProperty().set(optimizers[k]);
                finder.setup().batch().textProperty().set(k % 2 == 0 ? "16" : "32");
                finder.setup().seed().textProperty().set(Integer.toString(7 + k));
                finder.iterations().textProperty().set("80");
                if (!finder.start()) {
                    throw new IllegalStateException("range test not started: " + finder.statusProperty().get());
                }
            });
            await(60, () -> onFx(() -> !finder.runningProperty().get()));
        }
    }

    /**
     * A sweep on iris of the Finder's network: sgd, momentum and adam at {@code points} LRs from 1e-3 to 3, with
     * {@code seeds} seeds, {@code epochs} epochs each, to its end (the fixture range tests match its optimizers).
     */
    public static void sweep(MainWindow window, int points, int seeds, int epochs) throws Exception {
        lrwb.app.sweeps.SweepsViewModel sweeps = window.sweeps();
        onFx(() -> {
            sweeps.usePreset(lrwb.app.sweeps.SweepPreset.LR_SENSITIVITY);
            sweeps.form().setup().batch().textProperty().set("16");
            sweeps.form().epochs().textProperty().set(Integer.toString(epochs));
            sweeps.form().lrFrom().textProperty().set("1e-3");
            sweeps.form().lrTo().textProperty().set("3");
            sweeps.form().lrPoints().textProperty().set(Integer.toString(points));
            sweeps.form().seeds().textProperty().set(seeds == 1 ? "" : String.join(", ",
                    java.util.stream.IntStream.rangeClosed(1, seeds).mapToObj(Integer::toString).toList()));
            sweeps.start();
        });
        await(600, () -> onFx(() -> !sweeps.runningProperty().get()));
        onFx(() -> {
            if (sweeps.rows().isEmpty()) {
                throw new IllegalStateException("the fixture sweep did not run: " + sweeps.statusProperty().get());
            }
        });
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T onFx(Supplier<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(action.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new TimeoutException("the FX thread did not answer in 30 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    interface Check {
        boolean get() throws Exception;
    }

    static void await(int seconds, Check condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("not reached in " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Lets a few frames pass (layout, the charts' next-frame redraws). */
    public static void settle() throws Exception {
        for (int i = 0; i < 4; i++) {
            onFx(() -> { });
            Thread.sleep(60);
        }
    }
}
