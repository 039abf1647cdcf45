package lrwb.engine.cli;

import lrwb.engine.finder.LossSource;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.RangeTestResult;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.finder.WeightDecayGroup;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunTarget;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lrwb find}: an LR range test, written to DIR/range.csv, suggestions.json and run.json. */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an LR range test (Leslie Smith's LR finder) and suggest learning rates.",
                "Writes DIR/range.csv (iteration,lr,loss,smoothed_loss), DIR/suggestions.json and DIR/run.json,",
                "and prints the suggestions on stdout. With --wd, one such folder per weight decay: DIR/wd-0, DIR/wd-1e-4, ..."})
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

    @Option(names = "--wd", paramLabel = "W1,W2,...",
            description = "One range test per weight decay (the optimizer's wd), same data and seed, each in DIR/wd-W, printed one after another.")
    String weightDecays;

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
        try (RunService runs = new RunService(parent.context())) {
            if (weightDecays == null) {
                return run(runs, request, null, output.target(), err);
            }
            return runGroup(runs, request, err);
        }
    }

    /** One test per weight decay, in the order given, each in DIR/wd-W; stops at the first that does not run its course. */
    private int runGroup(RunService runs, RangeTestRequest base, PrintWriter err) throws IOException {
        WeightDecayGroup group;
        try {
            group = WeightDecayGroup.parse(output.out.toAbsolutePath().normalize().getFileName() == null ? ""
                    : output.out.toAbsolutePath().normalize().getFileName().toString(), weightDecays);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
        OptimizerSpec optimizer = base.optimizer();
        if (optimizer.value(OptimizerSetting.WD) != optimizer.kind().defaults().get(OptimizerSetting.WD)) {
            throw new BadInputException("--wd sets the optimizer's wd for each test: leave wd out of --optimizer");
        }
        List<RunTarget> targets = group.weightDecays().stream()
                .map(wd -> RunTarget.folder(output.out.resolve(WeightDecayGroup.folderName(wd)), output.overwrite)).toList();
        try {
            targets.forEach(RunTarget::check); // every folder refused before the first test writes anything
        } catch (RunRefusedException e) {
            throw TerminalRun.refused(e);
        }
        PrintWriter stdout = command.commandLine().getOut();
        for (int k = 0; k < targets.size(); k++) {
            double wd = group.weightDecays().get(k);
            stdout.println((k == 0 ? "" : String.format("%n")) + "== " + WeightDecayGroup.label(wd) + "  ("
                    + output.out.resolve(WeightDecayGroup.folderName(wd)) + ")");
            stdout.flush();
            int exit = run(runs, WeightDecayGroup.member(base, wd), group, targets.get(k), err);
            if (exit != Lrwb.EXIT_OK) {
                return exit;
            }
        }
        return Lrwb.EXIT_OK;
    }

    private int run(RunService runs, RangeTestRequest request, WeightDecayGroup group, RunTarget target, PrintWriter err)
            throws IOException {
        ProgressBar progress = new ProgressBar(err);
        RunOutcome outcome;
        try {
            outcome = TerminalRun.run(() -> runs.startRangeTest(request, group, target, new RunListener() {
                @Override
                public void onStarted(RunStart start) {
                    start.modelNotes().forEach(note -> err.println("lrwb find: note: " + note));
                }

                @Override
                public void onRangePoint(RangePoint p) {
                    progress.update(p.iteration() + 1, request.config().iterations(),
                            () -> String.format(Locale.ROOT, "lr %.3g  loss %.4g", p.lr(), p.smoothed()));
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
        b.append(s.slide() == null ? "slide      none: the loss never levels off over 15 points before the descent (raise iterations)" : String.format(Locale.ROOT, "slide      %.4g", s.slide()));
        b.append(String.format(Locale.ROOT, "%nminimum/10 %.4g%n", s.minimum10()));
        b.append(s.cyclic() == null ? "cyclic     none: " + s.message()
                : String.format(Locale.ROOT, "cyclic     %.4g .. %.4g", s.cyclic().lower(), s.cyclic().upper()));
        if (s.isUnreliable()) {
            b.append(String.format("%nunreliable: ")).append(s.warning());
        }
        return b.toString();
    }
}
