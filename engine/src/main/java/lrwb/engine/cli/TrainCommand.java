package lrwb.engine.cli;

import lrwb.engine.data.DataException;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRecorder;
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
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code lrwb train}: train under a schedule (or a constant LR) and record the run in DIR. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network under an LR schedule and record it:",
                "DIR/iterations.csv (iteration,epoch,lr,loss), DIR/epochs.csv",
                "(epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds), DIR/events.csv and DIR/run.json.",
                "Ctrl-C stops the run cleanly; its files are complete up to that point."})
final class TrainCommand implements Callable<Integer> {
    /** Conventional exit code of a program stopped by Ctrl-C (128 + SIGINT). */
    static final int EXIT_INTERRUPTED = 130;

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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the run's files (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TrainingRequest request = request();
        LoadedData loaded;
        try {
            loaded = Datasets.load(request.data());
        } catch (DataException e) {
            throw new BadInputException(e.getMessage());
        }
        LoadedData dataForJob = loaded;
        var shape = lrwb.engine.model.NetworkShape.of(loaded);
        request.model().mismatch(shape, loaded.name()).ifPresent(why -> {
            throw new BadInputException(why);
        });
        OutputFolder.create(out);
        TrainingRecorder recorder = new TrainingRecorder(out, request);
        TrainingJob job = new TrainingJob(request, dataForJob, parent.context()).addListener(recorder);
        PrintWriter stdout = command.commandLine().getOut();
        ProgressBar progress = new ProgressBar(command.commandLine().getErr());
        job.addListener(new TrainingListener() {
            private long total;

            @Override
            public void onStarted(TrainingPlan plan) {
                total = plan.totalIterations();
            }

            @Override
            public void onIteration(IterationMetrics m) {
                progress.update(m.iteration() + 1, total, String.format(Locale.ROOT, "epoch %d  lr %.3g  loss %.4g",
                        m.epoch() + 1, m.lr(), m.loss()));
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                progress.finish();
                stdout.printf(Locale.ROOT, "epoch %d/%d  lr %.4g  train loss %.4f acc %.3f  val loss %.4f acc %.3f  %.2fs%n",
                        m.epoch() + 1, epochs, m.lr(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.seconds());
                stdout.flush();
            }

            @Override
            public void onEvent(TrainingEvent e) {
                if (e.kind() == TrainingEvent.Kind.PLATEAU_REDUCTION) {
                    stdout.println("plateau: " + e.message());
                }
            }
        });
        // Ctrl-C: stop before the next update and wait until the files are complete, then let the JVM exit.
        Thread onCtrlC = new Thread(() -> {
            job.cancel();
            job.ended().join();
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        TrainingEvent end;
        try {
            end = job.start().ended().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            progress.finish();
            FindCommand.removeHook(onCtrlC);
        }
        return switch (end.kind()) {
            case FINISHED -> {
                stdout.println("finished: " + out.resolve(TrainingRecorder.EPOCHS));
                stdout.flush();
                yield Lrwb.EXIT_OK;
            }
            case CANCELLED -> {
                command.commandLine().getErr().println("lrwb train: " + end.message());
                yield EXIT_INTERRUPTED;
            }
            default -> {
                command.commandLine().getErr().println("lrwb train: " + end.kind().name().toLowerCase(Locale.ROOT) + ": " + end.message());
                yield Lrwb.EXIT_FAILURE;
            }
        };
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
