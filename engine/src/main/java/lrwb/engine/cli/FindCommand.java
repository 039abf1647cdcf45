package lrwb.engine.cli;

import lrwb.engine.finder.LossSource;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.InvalidSpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

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

    @Option(names = "--loss", paramLabel = "train|val", defaultValue = "train",
            description = "Loss to record and stop on: each update's minibatch, or a fixed validation set after each update (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--lr", paramLabel = "X", hidden = true)
    Double lr;

    @Mixin
    OutputOptionsMixin output;

    @Override
    public Integer call() throws IOException {
        if (lr != null) {
            throw new BadInputException("--lr does not apply to find: the range test sweeps the LR from --start to --end");
        }
        RangeTestRequest request = request();
        PrintWriter err = command.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err);
        try (RunService runs = new RunService(parent.context())) {
            return run(runs, request, err, progress);
        }
    }

    private int run(RunService runs, RangeTestRequest request, PrintWriter err, ProgressBar progress) throws IOException {
        RunOutcome outcome;
        try {
            outcome = TerminalRun.run(() -> runs.startRangeTest(request, output.target(), new RunListener() {
                @Override
                public void onStarted(RunStart start) {
                    start.modelNotes().forEach(note -> err.println("lrwb find: note: " + note));
                }

                @Override
                public void onRangePoint(RangePoint p) {
                    progress.update(p.iteration() + 1, request.config().iterations(),
                            String.format(Locale.ROOT, "lr %.3g  loss %.4g", p.lr(), p.smoothed()));
                }
            }));
        } catch (RunRefusedException e) {
            throw TerminalRun.refused(e);
        } finally {
            progress.finish();
        }
        if (outcome.rangeTest() == null) {
            err.println("lrwb find: failed: " + outcome.message());
            return Lrwb.EXIT_FAILURE;
        }
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(describe(outcome.rangeTest()));
        stdout.flush();
        if (outcome.status() == RunStatus.CANCELLED) {
            err.println("lrwb find: cancelled; " + outcome.folder() + " holds what was recorded");
        }
        return TerminalRun.exitCode(outcome, true);
    }

    private RangeTestRequest request() {
        SweepMode sweep;
        try {
            sweep = SweepMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mode " + e.getMessage());
        }
        LossSource source;
        try {
            source = LossSource.parse(loss);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--loss " + e.getMessage());
        }
        try {
            RangeTestConfig config = new RangeTestConfig(start, end, iterations, sweep, beta, diverge, Math.max(0, iterations / 10),
                    RangeTestConfig.DEFAULT_SKIP_END, model.seed, source);
            return new RangeTestRequest(data.toOptions(model.seed), model.modelSpec(), model.optimizerSpec(), model.batchSize(), config);
        } catch (InvalidSpecException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
    }

    private static String describe(RangeTestResult r) {
        var s = r.suggestions();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "recorded %d of %d iterations%s%n", r.points().size(), r.iterations(),
                r.diverged() ? " (stopped: the loss diverged)" : r.cancelled() ? " (cancelled)" : ""));
        if (s.isEmpty()) {
            b.append("no suggestions: ").append(s.message());
            return b.toString();
        }
        b.append(String.format(Locale.ROOT, "steepest   %.4g%nvalley     %.4g%n", s.steepest(), s.valley()));
        b.append(s.slide() == null ? "slide      none: fewer than 16 usable points" : String.format(Locale.ROOT, "slide      %.4g", s.slide()));
        b.append(String.format(Locale.ROOT, "%nminimum/10 %.4g%n", s.minimum10()));
        b.append(s.cyclic() == null ? "cyclic     none: " + s.message()
                : String.format(Locale.ROOT, "cyclic     %.4g .. %.4g", s.cyclic().lower(), s.cyclic().upper()));
        if (s.isUnreliable()) {
            b.append(String.format("%nunreliable: ")).append(s.warning());
        }
        return b.toString();
    }
}
