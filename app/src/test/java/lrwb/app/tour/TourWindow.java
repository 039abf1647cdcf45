package lrwb.app.tour;

import javafx.scene.Scene;
import javafx.stage.Stage;
import lrwb.app.chart.PngExport;
import lrwb.app.files.PngFile;
import lrwb.app.shell.MainWindow;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** What the screenshot tours share: the window on a fresh workbench home, and a PNG of it. */
final class TourWindow {
    private TourWindow() {
    }

    /** The folder {@code -Dlrwb.screenshots} names, created. */
    static Path out() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("lrwb.screenshots")));
    }

    /** The main window on a fresh workbench home, shown in {@code stage} at {@code width × height}. */
    static MainWindow open(Stage stage, EngineContext engine, double width, double height) throws IOException {
        Path home = Files.createTempDirectory("lrwb-tour");
        MainWindow window = new MainWindow(engine, CompletableFuture.completedFuture(
                new EngineStartup.EngineInfo("CpuBackend", 1, 900)), new WorkbenchHome(home),
                (owner, title, ext, suggested) -> suggested);
        stage.setScene(window.scene());
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return window;
    }

    /** Writes {@code name}.png of the window into {@code out} once the frames in flight have been drawn. */
    static void shot(FxRobot robot, MainWindow window, Path out, String name) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // not a test: gives animations (progress bars, fades) time to settle for the picture
        robot.interact(() -> {
            try {
                Scene scene = window.root().getScene();
                PngFile.write(PngExport.snapshot(scene.getRoot(), 1), out.resolve(name + ".png"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
