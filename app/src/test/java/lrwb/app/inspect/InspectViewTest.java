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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void aFolderThatIsNoRunSaysSo(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(runs.resolve("empty"));
        robot.interact(() -> vm.open(empty));

        assertThat(vm.statusProperty().get()).isEqualTo(empty + ": not a run folder (no run.json)");
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(robot.lookup("#inspect-export-png").query().isDisabled()).isTrue();
    }
}
