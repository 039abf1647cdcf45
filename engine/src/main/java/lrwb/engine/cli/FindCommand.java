package lrwb.engine.cli;

import lrwb.engine.data.DataException;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestJob;
import lrwb.engine.finder.RangeTestRecorder;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.schedule.InvalidSpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code lrwb find}: an LR range test, written to DIR/range.csv, suggestions.json and run.json. */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an LR range test (Leslie Smith's LR finder) and suggest learning rates.",
                "Writes DIR/range.csv (iteration,lr,loss,smoothed_loss), DIR/suggestions.json and DIR/run.json,",
                "and prints the suggestions on stdout."})
final class FindCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @ParentCommand
    Lrwb parent;

    @Mixin
    DataOptionsMixin data;

    @Mixin
    ModelOptionsMixin model;

    @Option(names = "--start", paramLabel = "LR", defaultValue = "1e-7", description = "First LR of the sweep (default: ${DEFAULT-VALUE}).")
    double start;

    @Option(names = "--end", paramLabel = "LR", defaultValue = "10", description = "Last LR of the sweep (default: ${DEFAULT-VALUE}).")
    double end;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100", description = "Updates in the sweep, >= 10 (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--mode", paramLabel = "exp|linear", defaultValue = "exp", description = "LR spacing (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.98", description = "Loss smoothing, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--diverge", paramLabel = "F", defaultValue = "4", description = "Stop when the smoothed loss exceeds F times its best (default: ${DEFAULT-VALUE}).")
    double diverge;

    @Option(names = "--lr", paramLabel = "X", hidden = true)
    Double lr;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the output files (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (lr != null) {
            throw new BadInputException("--lr does not apply to find: the range test sweeps the LR from --start to --end");
        }
        RangeTestRequest request = request();
        RangeTestJob job;
        try {
            job = RangeTestJob.prepare(request, parent.context());
        } catch (DataException | IllegalArgumentException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
        OutputFolder.create(out);
        PrintWriter err = command.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onCtrlC = new Thread(() -> interrupted.set(true));
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RangeTestResult result;
        try (RangeTestRecorder recorder = new RangeTestRecorder(out, job)) {
            result = job.run(new lrwb.engine.finder.RangeTestListener() {
                @Override
                public void onPoint(RangePoint p) {
                    recorder.onPoint(p);
                    progress.update(p.iteration() + 1, request.config().iterations(),
                            String.format(Locale.ROOT, "lr %.3g  loss %.4g", p.lr(), p.smoothed()));
                }

                @Override
                public void onFinished(RangeTestResult r) {
                    recorder.onFinished(r);
                }
            }, interrupted::get);
        } finally {
            progress.finish();
            removeHook(onCtrlC);
        }
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(describe(result));
        stdout.flush();
        return Lrwb.EXIT_OK;
    }

    private RangeTestRequest request() {
        SweepMode sweep;
        try {
            sweep = SweepMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mode " + e.getMessage());
        }
        try {
            RangeTestConfig config = new RangeTestConfig(start, end, iterations, sweep, beta, diverge, Math.max(0, iterations / 10),
                    RangeTestConfig.DEFAULT_SKIP_END, model.seed);
            return new RangeTestRequest(data.toOptions(model.seed), model.modelSpec(), model.optimizerSpec(), model.batchSize(), config);
        } catch (InvalidSpecException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
    }

    private static String describe(RangeTestResult r) {
        var s = r.suggestions();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "recorded %d of %d iterations%s%n", r.points().size(), r.iterations(),
                r.diverged() ? " (stopped: the loss diverged)" : r.cancelled() ? " (stopped by the user)" : ""));
        if (s.isEmpty()) {
            b.append("no suggestions: ").append(s.message());
            return b.toString();
        }
        b.append(String.format(Locale.ROOT, "steepest   %.4g%nvalley     %.4g%nminimum/10 %.4g%n", s.steepest(), s.valley(), s.minimum10()));
        b.append(s.cyclic() == null ? "cyclic     none: " + s.message()
                : String.format(Locale.ROOT, "cyclic     %.4g .. %.4g", s.cyclic().lower(), s.cyclic().upper()));
        return b.toString();
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook has run
        }
    }
}
