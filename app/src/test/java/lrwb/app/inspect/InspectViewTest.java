package lrwb.app.inspect;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.cli.Lrwb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Slider;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunTarget;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.TrainingRequest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Inspect view on tiny runs trained for the test: a CNN on shapes, an MLP on moons, and a folder that is no run. */
@ExtendWith(ApplicationExtension.class)
class InspectViewTest {
    @TempDir
    static Path runs;
    private static Path cnnRun;
    private static Path moonsRun;

    private InspectViewModel vm;
    private Stage stage;

    @BeforeAll
    static void trainTinyRuns() {
        cnnRun = runs.resolve("cnn");
        train("--dataset", "shapes:samples=200,size=16", "--model", "cnn", "--batch", "16", "--lr", "0.01", "--epochs", "1",
                "--out", cnnRun.toString());
        moonsRun = runs.resolve("moons");
        train("--dataset", "moons", "--model", "mlp:16", "--batch", "32", "--lr", "0.1", "--epochs", "2", "--out", moonsRun.toString());
    }

    private static void train(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Lrwb.run(all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new InspectViewModel(new CurrentThreadTaskExecutor());
        InspectView view = new InspectView(vm, (owner, title, extension, suggested) -> suggested, runs.resolve("exports"));
        stage.setScene(new Scene(view.node(), 1000, 700));
        stage.show();
    }

    @Test
    void aCnnRunShowsItsConfusionItsMistakesAndGradCam(FxRobot robot) {
        robot.interact(() -> vm.open(cnnRun));

        TabPane tabs = robot.lookup("#inspect-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Confusion matrix", "Misclassified");
        assertThat(robot.lookup("#inspect-status").queryAs(Label.class).getText())
                .matches("Validation accuracy \\d+\\.\\d%: \\d+ of 40 examples misclassified\\.");
        long cells = robot.lookup(n -> n.getId() != null && n.getId().startsWith("confusion-")).queryAll().size();
        int classes = vm.confusionProperty().get().numClasses();
        assertThat(cells).isEqualTo((long) classes * classes);
        long counted = 0;
        for (int t = 0; t < classes; t++) {
            counted += vm.confusionProperty().get().support(t);
        }
        assertThat(counted).isEqualTo(40);

        List<MistakeTile> tiles = List.copyOf(vm.tiles());
        assertThat(tiles.size()).isEqualTo(Math.min(InspectViewModel.MAX_TILES, 40 - (int) Math.round(
                vm.confusionProperty().get().accuracy() * 40)));
        if (tiles.isEmpty()) {
            return; // a network that gets all 40 right has nothing more to show
        }
        assertThat(tiles).extracting(t -> t.mistake().confidence()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(tiles).allMatch(t -> t.heat() == null && t.image().getWidth() == 16);
        TilePane grid = robot.lookup("#inspect-grid").queryAs(TilePane.class);
        assertThat(grid.getChildren()).hasSize(tiles.size());
        // every caption shows all its words (wrapped in the tile, never cut to "…"), and the tile's tooltip says it all
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        for (var tileNode : grid.getChildren()) {
            Label caption = (Label) tileNode.lookup(".tile-caption");
            assertThat(((javafx.scene.text.Text) caption.lookup(".text")).getText()).isEqualTo(caption.getText());
        }
        javafx.scene.Node firstTile = grid.getChildren().get(0);
        assertThat(((javafx.scene.control.Tooltip) firstTile.getProperties().get("javafx.scene.control.Tooltip")).getText())
                .isEqualTo(tiles.get(0).caption() + "\n" + tiles.get(0).detail());

        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(vm.layers()).extracting(l -> l.index()).containsExactly(0, 2);
        assertThat(vm.layerProperty().get().index()).isEqualTo(2);
        robot.clickOn("#inspect-gradcam");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inspect-gradcam").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(vm.tiles()).allMatch(t -> t.heat() != null);
        assertThat(vm.gradCamNoteProperty().get()).startsWith("Grad-CAM at layer 2: conv 5x5, 16 filters");
        robot.interact(() -> vm.layerProperty().set(vm.layers().get(0)));
        assertThat(vm.tiles()).allMatch(t -> t.heat() != null);

        robot.interact(() -> vm.orderProperty().set(MistakeOrder.LEAST_CONFIDENT));
        assertThat(vm.tiles()).extracting(t -> t.mistake().confidence()).isSorted();
    }

    @Test
    void aMoonsRunShowsItsDecisionBoundaryAndExportsIt(FxRobot robot) {
        robot.interact(() -> vm.open(moonsRun));

        TabPane tabs = robot.lookup("#inspect-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Confusion matrix", "Decision boundary");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Decision boundary");
        ImageView boundary = robot.lookup("#inspect-boundary").queryAs(ImageView.class);
        assertThat(boundary.getImage().getWidth()).isEqualTo(InspectViewModel.BOUNDARY_PIXELS);
        assertThat(vm.tiles()).isEmpty();

        robot.clickOn("#inspect-export-png");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).startsWith("Exported " + runs.resolve("exports").resolve("boundary-"));
        assertThat(runs.resolve("exports")).isDirectoryContaining("glob:**/boundary-*.png");
    }

    @Test
    void aMoonsRunReplaysItsBoundaryEpochByEpoch(FxRobot robot) {
        robot.interact(() -> vm.open(moonsRun));
        BoundaryViewModel b = vm.boundary();
        Label caption = robot.lookup("#inspect-boundary-caption").queryAs(Label.class);
        assertThat(caption.getText()).isEqualTo("The saved network, after epoch 2 of 2");
        assertThat(b.epochsDoneProperty().get()).isEqualTo(2);
        Slider slider = robot.lookup("#inspect-epoch").queryAs(Slider.class);
        assertThat(slider.isDisabled()).isFalse();
        assertThat(slider.getMax()).isEqualTo(2);
        assertThat(robot.lookup("#inspect-live").query().isVisible()).as("not a live run").isFalse();
        BufferedImage saved = b.pictureProperty().get();

        robot.interact(() -> slider.setValue(1)); // 240 training points of moons in batches of 32: 8 updates an epoch
        assertThat(caption.getText()).isEqualTo("Epoch 1 of 2 · update 8");
        assertThat(samePixels(b.pictureProperty().get(), saved)).isFalse();
        robot.interact(() -> slider.setValue(2));
        assertThat(caption.getText()).isEqualTo("Epoch 2 of 2 · update 16");
        assertThat(samePixels(b.pictureProperty().get(), saved)).as("the last epoch is the saved network").isTrue();
    }

    @Test
    void aLiveMoonsRunIsFollowedWhileItTrainsThenReplayed(FxRobot robot) throws Exception {
        try (EngineContext engine = EngineContext.create(); RunService service = new RunService(engine)) {
            // a too-high LR on purpose, and enough epochs to be watched for a while
            TrainingRequest request = new TrainingRequest(DataOptions.of("moons:samples=400"), ModelSpec.parse("mlp:16"),
                    OptimizerSpec.parse("sgd"), new ConstantSchedule(3.0), 100_000, 32, 3, null);
            RunHandle handle = service.startTraining(request, RunTarget.newFolderIn(runs.resolve("live")), RunListener.NONE);
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(handle.folder().resolve(lrwb.engine.run.RunFiles.MODEL)));
                AtomicInteger pictures = new AtomicInteger();
                robot.interact(() -> {
                    vm.open(handle.folder(), handle);
                    vm.boundaryProperty().addListener((o, was, now) -> pictures.incrementAndGet());
                });
                BoundaryViewModel b = vm.boundary();
                assertThat(b.liveProperty().get()).isTrue();
                assertThat(b.followingProperty().get()).isTrue();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pictures.get() >= 3); // a few a second
                String caption = robot.lookup("#inspect-boundary-caption").queryAs(Label.class).getText();
                assertThat(caption).matches("Live: (in|after) epoch \\d+ of 100000 · update [\\d,]+");
                assertThat(robot.lookup("#inspect-live").query().isVisible()).isTrue();

                handle.cancel();
                handle.await();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !b.liveProperty().get());
                int done = b.epochsDoneProperty().get();
                assertThat(done).isPositive();
                BufferedImage lastLive = b.pictureProperty().get();

                robot.interact(() -> robot.lookup("#inspect-epoch").queryAs(Slider.class).setValue(1));
                assertThat(b.followingProperty().get()).as("moving the slider leaves the live view").isFalse();
                assertThat(robot.lookup("#inspect-boundary-caption").queryAs(Label.class).getText())
                        .isEqualTo("Epoch 1 of 100000 · update 10"); // 320 training points, batches of 32
                assertThat(samePixels(b.pictureProperty().get(), lastLive)).isFalse();

                robot.clickOn("#inspect-live");
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(b.pictureProperty().get()).as("back to the last live picture").isSameAs(lastLive);
            } finally {
                handle.cancel();
                handle.await();
                robot.interact(vm::close);
            }
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aFolderThatIsNoRunSaysSo(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(runs.resolve("empty"));
        robot.interact(() -> vm.open(empty));

        assertThat(vm.statusProperty().get()).isEqualTo(empty + ": not a run folder (no run.json)");
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(robot.lookup("#inspect-export-png").query().isDisabled()).isTrue();
    }
}
