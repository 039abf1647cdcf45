package lrwb.engine.cli;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.NativeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code lrwb} command line: the same engine as the window, headless. Exit 0 on success, 2 on bad
 * input (one line on stderr naming the problem, nothing written to stdout), 1 on a failure while running.
 */
@Command(name = "lrwb", mixinStandardHelpOptions = true, version = "lrwb 0.1.0",
        description = "LR Workbench: design learning-rate schedules, find LR bounds, train and compare.%n"
                + "With no arguments the desktop app opens (when started through the app launcher).",
        subcommands = {ScheduleCommand.class, ExportCommand.class, FindCommand.class, TrainCommand.class})
public final class Lrwb implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The engine context of this command line: its commands run their jobs on it ({@code @ParentCommand}). */
    private final EngineContext context;

    Lrwb(EngineContext context) {
        this.context = context;
    }

    EngineContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: schedule, export, find, train");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        NativeSettings.beforeNd4jLoads();
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try (EngineContext context = EngineContext.create()) {
            return run(args, outWriter, errWriter, context);
        }
    }

    private static int run(String[] args, PrintWriter outWriter, PrintWriter errWriter, EngineContext context) {
        CommandLine cli = new CommandLine(new Lrwb(context))
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, a) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    errWriter.println(command + ": " + e.getMessage().replaceFirst("^Error: ", "") + " (see '" + command + " --help')");
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, c, parsed) -> {
                    String command = c.getCommandSpec().qualifiedName();
                    if (e instanceof BadInputException) {
                        errWriter.println(command + ": " + e.getMessage());
                        return EXIT_BAD_INPUT;
                    }
                    errWriter.println(command + ": failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return EXIT_FAILURE;
                });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }
}
