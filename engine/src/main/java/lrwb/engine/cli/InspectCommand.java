package lrwb.engine.cli;

import lrwb.engine.inspect.EpochBoundaries;
import lrwb.engine.inspect.InspectException;
import lrwb.engine.run.EpochParameters;
import lrwb.engine.inspect.InspectionReport;
import lrwb.engine.inspect.RunInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lrwb inspect}: what a training run's saved network gets wrong on its validation data, as files. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Look inside a training run's saved network (RUNDIR/model.zip) on its validation data:",
                "DIR/confusion.csv (counts: a row per true class, a column per predicted class),",
                "DIR/confusion_normalised.csv (each row divided by its total),",
                "DIR/misclassified.csv (index,true,predicted,confidence; most confident first);",
                "image data: DIR/misclassified.png (a captioned grid) and, for a convolutional network,",
                "DIR/gradcam.png (the grid with Grad-CAM heat maps); 2-D data: DIR/boundary.png",
                "(and with --boundary-epochs, DIR/boundary-epoch-NNNN.png for chosen epochs)."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "A training run's folder (run.json and model.zip).")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files (created if missing).")
    Path out;

    @Option(names = "--layer", paramLabel = "L",
            description = "Grad-CAM's convolutional layer: its index (0-based) or name (default: the last convolutional layer).")
    String layer;

    @Option(names = "--limit", paramLabel = "N", description = "Images in the grids (default: ${DEFAULT-VALUE}).")
    int limit = InspectionReport.DEFAULT_LIMIT;

    @Option(names = "--boundary-epochs", paramLabel = "all|E1,E2,...",
            description = "2-D data: also DIR/boundary-epoch-NNNN.png, the decision boundary after each chosen epoch "
                    + "(from 1), from the parameters the run recorded after every epoch.")
    String boundaryEpochs;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        InspectionReport.Contents report;
        RunInspection run;
        List<EpochParameters> epochs = List.of();
        try {
            run = RunInspection.open(runDir);
            if (boundaryEpochs != null) {
                epochs = EpochBoundaries.choose(run, boundaryEpochs);
            }
            report = InspectionReport.compute(run, layer, limit);
        } catch (InspectException e) {
            String message = e.getMessage();
            throw new BadInputException(message.startsWith("layer ") ? "--" + message : message);
        }
        report.notes().forEach(note -> err.println("lrwb inspect: " + note));
        List<Path> written = new java.util.ArrayList<>(InspectionReport.write(report, out));
        written.addAll(EpochBoundaries.write(run, epochs, out));
        long examples = 0;
        for (int t = 0; t < report.confusion().numClasses(); t++) {
            examples += report.confusion().support(t);
        }
        stdout.printf(Locale.ROOT, "validation accuracy %.4f: %d of %d misclassified%n", report.confusion().accuracy(),
                report.misclassified().size(), examples);
        written.forEach(file -> stdout.println("wrote " + file));
        stdout.flush();
        return Lrwb.EXIT_OK;
    }

    /** The rules that need no file read: nothing is loaded or created when one is broken. */
    private void checkOptions() {
        if (limit < 1) {
            throw new BadInputException("--limit must be an integer >= 1 (got " + limit + ")");
        }
        if (layer != null && layer.isBlank()) {
            throw new BadInputException("--layer must name a layer (its index or name), not ''");
        }
        if (boundaryEpochs != null && boundaryEpochs.isBlank()) {
            throw new BadInputException("--boundary-epochs must be 'all' or epochs from 1 separated by commas, not ''");
        }
        if (out.toString().isBlank()) {
            throw new BadInputException("--out must be a folder, not ''");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a file, not a folder");
        }
        if (!Files.isDirectory(runDir)) {
            throw new BadInputException("RUNDIR " + runDir + ": no such folder");
        }
    }
}
