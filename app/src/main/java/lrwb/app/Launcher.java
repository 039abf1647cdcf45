package lrwb.app;

import javafx.application.Application;
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
            Application.launch(WorkbenchApp.class);
        } else {
            System.exit(Lrwb.run(args, System.out, System.err));
        }
    }
}
