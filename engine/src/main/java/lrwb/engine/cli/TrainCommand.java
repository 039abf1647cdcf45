package lrwb.engine.cli;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Formatter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lrwb train}: train under a schedule (or a constant LR) and record the run in DIR. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network under an LR schedule and record it:",
                "DIR/iterations.csv (iteration,epoch,lr,loss), DIR/epochs.csv",
                "(epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds), DIR/events.csv and DIR/run.json.",
                "Ctrl-C or SIGTERM stops the run cleanly (exit 130); its files are complete up to that point."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @ParentCommand
    Lrwb parent;

    @Mixin
    DataOptionsMixin data;

    @Mixin
    ModelOptionsMixin model;

    static final class LrSource {
        @Option(names = "--schedule", required = true, paramLabel = "FILE|JSON", description = "Schedule spec (specs/schedules.md), a file or inline JSON; plateau included.")
        String schedule;

        @Option(names = "--lr", required = true, paramLabel = "X", description = "A constant learning rate instead of a schedule.")
        Double lr;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    LrSource lrSource;

    @Option(names = "--epochs", required = true, paramLabel = "E", description = "Number of epochs.")
    int epochs;

    @Mixin
    OutputOptionsMixin output;

    @Override
    public Integer call() throws IOException {
        TrainingRequest request = request();
        try (RunService runs = new RunService(parent.context())) {
            return run(runs, request);
        }
    }

    private int run(RunService runs, TrainingRequest request) throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err);
        RunOutcome outcome;
        try {
            outcome = TerminalRun.run(() -> runs.startTraining(request, output.target(), new RunListener() {
                private long total;

                @Override
                public void onStarted(RunStart start) {
                    total = start.plannedIterations();
                    start.modelNotes().forEach(note -> err.println("lrwb train: note: " + note));
                }

                @Override
                public void onIteration(IterationMetrics m) {
                    progress.update(m.iteration() + 1, total, () -> String.format(Locale.ROOT,
                            "epoch %d  lr %.3g  loss %.4g", m.epoch() + 1, m.lr(), m.loss()));
                }

                /**
                 * One formatter for every epoch's line: {@code printf(Locale.ROOT, …)} built a new one each time, which
                 * looked up the locale's number symbols anew for every number (a fifth of a tiny set's epoch). US
                 * formats these numbers as ROOT does.
                 */
                private final StringBuilder line = new StringBuilder();
                private final Formatter lineFormat = new Formatter(line, Locale.US);

                @Override
                public void onEpoch(EpochMetrics m) {
                    progress.finish();
                    line.setLength(0);
                    lineFormat.format("epoch %d/%d  lr %.4g  train loss %.4f acc %.3f  val loss %.4f acc %.3f  %.2fs%n",
                            m.epoch() + 1, epochs, m.lr(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.seconds());
                    stdout.print(line);
                    stdout.flush();
                }

                @Override
                public void onEvent(TrainingEvent e) {
                    if (e.kind() == TrainingEvent.Kind.PLATEAU_REDUCTION) {
                        stdout.println("plateau: " + e.message());
                    }
                }
            }));
        } catch (RunRefusedException e) {
            throw TerminalRun.refused(e);
        } finally {
            progress.finish();
        }
        if (outcome.status() == RunStatus.FINISHED) {
            stdout.println("finished: " + outcome.folder().resolve(RunFiles.EPOCHS));
            stdout.flush();
        } else if (outcome.status() == RunStatus.CANCELLED) {
            err.println("lrwb train: " + outcome.message());
        } else {
            err.println("lrwb train: " + outcome.status().label() + ": " + outcome.message());
        }
        return TerminalRun.exitCode(outcome, false);
    }

    private TrainingRequest request() {
        ScheduleSpec schedule;
        if (lrSource.schedule != null) {
            schedule = SpecArgument.read("--schedule", lrSource.schedule);
        } else {
            try {
                schedule = new ConstantSchedule(lrSource.lr);
            } catch (InvalidSpecException e) {
                throw new BadInputException("--lr " + e.rule());
            }
        }
        try {
            return new TrainingRequest(data.toOptions(model.seed), model.modelSpec(), model.optimizerSpec(), schedule, epochs,
                    model.batchSize(), model.seed, null);
        } catch (InvalidSpecException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
    }
}
