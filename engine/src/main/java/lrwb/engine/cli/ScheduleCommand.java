package lrwb.engine.cli;

import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code lrwb schedule}: a spec's LR per step as CSV {@code step,epoch,lr}, full double precision, and a
 * {@code momentum} column when the spec cycles the momentum (cyclic, oneCycle).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print the LR of every step of a schedule as CSV (step,epoch,lr) on stdout;"
                + " a cyclic or oneCycle spec that cycles momentum adds a momentum column.",
                "A plateau spec is adaptive: give the metric it watches per epoch with --metrics; it prints one row per epoch."})
final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "FILE|JSON",
            description = "Schedule spec: a JSON file, or inline JSON such as '{\"type\":\"step\",\"lr\":0.1,\"stepSize\":10}'.")
    String specText;

    @Option(names = "--steps", paramLabel = "N", description = "Number of steps (rows) to print; required except for plateau.")
    Long steps;

    @Option(names = "--steps-per-epoch", paramLabel = "K",
            description = "Batches per epoch, for the epoch column and for specs with \"unit\": \"epoch\" (default: 1, every step its own epoch).")
    Integer stepsPerEpoch;

    @Option(names = "--metrics", paramLabel = "a0,a1,...", split = ",", splitSynopsisLabel = ",",
            description = "Plateau only: the monitored metric observed at the end of each epoch.")
    String[] metrics;

    @Override
    public Integer call() throws IOException {
        ScheduleSpec spec = SpecArgument.read("--spec", specText);
        if (stepsPerEpoch != null && stepsPerEpoch <= 0) {
            throw new BadInputException("--steps-per-epoch must be an integer > 0 (got " + stepsPerEpoch + ")");
        }
        int spe = stepsPerEpoch == null ? 1 : stepsPerEpoch;
        PrintWriter out = command.commandLine().getOut();
        if (spec instanceof PlateauSchedule plateau) {
            double[] observed = parseMetrics();
            double[] lrs = plateau.simulate(observed);
            BufferedWriter w = new BufferedWriter(out, 1 << 16);
            w.write("step,epoch,lr\n");
            for (int e = 0; e < lrs.length; e++) {
                w.write((long) e * spe + "," + e + "," + lrs[e] + "\n");
            }
            w.flush(); // flush, not close: stdout belongs to the caller
            return Lrwb.EXIT_OK;
        }
        FormulaSchedule formula = (FormulaSchedule) spec;
        if (metrics != null) {
            throw new BadInputException("--metrics only applies to a plateau spec (this one is " + spec.type() + ")");
        }
        if (steps == null) {
            throw new BadInputException("--steps is required: the number of steps to print");
        }
        if (steps <= 0) {
            throw new BadInputException("--steps must be an integer > 0 (got " + steps + ")");
        }
        if (stepsPerEpoch == null && formula.usesEpochs()) {
            throw new BadInputException("--steps-per-epoch is required: the spec counts epochs (\"unit\": \"epoch\")");
        }
        MomentumCurve momentum = MomentumCurve.of(formula).orElse(null);
        MomentumCurve.unusedIn(formula).ifPresent(note -> command.commandLine().getErr().println("note: " + note));
        BufferedWriter w = new BufferedWriter(out, 1 << 16);
        w.write(momentum == null ? "step,epoch,lr\n" : "step,epoch,lr,momentum\n");
        StringBuilder row = new StringBuilder(64);
        for (long i = 0; i < steps; i++) {
            row.setLength(0);
            row.append(i).append(',').append(i / spe).append(',').append(formula.lrAtIteration(i, spe));
            if (momentum != null) {
                row.append(',').append(momentum.atIteration(i, spe));
            }
            w.append(row.append('\n'));
        }
        w.flush();
        return Lrwb.EXIT_OK;
    }

    private double[] parseMetrics() {
        if (metrics == null || metrics.length == 0) {
            throw new BadInputException("--metrics is required for a plateau spec: the monitored value per epoch, e.g. --metrics 1.0,0.8,0.8");
        }
        double[] values = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            try {
                values[i] = Double.parseDouble(metrics[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--metrics: value " + (i + 1) + " ('" + metrics[i] + "') is not a number");
            }
        }
        return values;
    }
}
