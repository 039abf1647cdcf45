package lrwb.app;

import javafx.application.Application;
import lrwb.app.designer.DesignerPreload;
import lrwb.engine.cli.Lrwb;

/**
 * One program for both faces: no arguments opens the window; a subcommand runs the {@code lrwb} CLI
 * headless. Not an {@link Application} itself, so it starts from a plain classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesignerPreload.start(); // on the second core, while the toolkit starts on this one
            Application.launch(WorkbenchApp.class);
        } else {
            System.exit(Lrwb.run(args, System.out, System.err));
        }
    }
}
