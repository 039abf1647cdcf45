package lrwb.engine.cli;

import lrwb.engine.run.RunTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --out DIR [--overwrite]} of find and train (cli.md): the run's folder, never another run's. */
final class OutputOptionsMixin {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the run's files (created if missing; must not hold another run).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the run already recorded in DIR (never one still being written).")
    boolean overwrite;

    RunTarget target() {
        return RunTarget.folder(out, overwrite);
    }
}
