package lrwb.engine.cli;

import lrwb.engine.data.DataException;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.InvalidSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
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
        subcommands = {ScheduleCommand.class, ExportCommand.class, FindCommand.class, TrainCommand.class, SweepCommand.class})
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
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: schedule, export, find, train, sweep");
    }

    public static void main(String[] args) {
        // The raw descriptor rather than System.out: a PrintStream hides why a write failed (full disk, broken pipe).
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, (OutputStream) out, err);
    }

    /**
     * Runs one command line. A write error on {@code out} ends the command at once with exit 1 (cli.md: a write
     * error on stdout is a failure); whatever goes wrong, {@code err} gets one line, never a stack trace.
     */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        FailFastStdout stdout = new FailFastStdout(out);
        PrintWriter outWriter = new PrintWriter(stdout, true);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        int code;
        try (EngineContext context = EngineContext.create()) {
            NativeSettings.beforeNd4jLoads();
            code = commandLine(outWriter, errWriter, context).execute(args);
        } catch (OutOfMemoryError e) {
            errWriter.println("lrwb: failed: out of memory (" + OneLine.of(e.getMessage())
                    + "); use less data (--limit) or give Java more memory (-Xmx)");
            code = EXIT_FAILURE;
        } catch (Throwable e) {
            errWriter.println("lrwb: failed: " + OneLine.of(describe(e)));
            code = EXIT_FAILURE;
        }
        if (!stdout.failed()) {
            try {
                outWriter.flush();
            } catch (StdoutFailure e) {
                errWriter.println("lrwb: failed: " + OneLine.of(e.getMessage()));
                code = EXIT_FAILURE;
            }
        }
        errWriter.flush();
        return code;
    }

    private static CommandLine commandLine(PrintWriter outWriter, PrintWriter errWriter, EngineContext context) {
        return new CommandLine(new Lrwb(context))
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, a) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    errWriter.println(OneLine.of(command + ": " + e.getMessage().replaceFirst("^Error: ", "")
                            + " (see '" + command + " --help')"));
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, c, parsed) -> {
                    String command = c.getCommandSpec().qualifiedName();
                    if (e instanceof BadInputException) {
                        errWriter.println(OneLine.of(command + ": " + e.getMessage()));
                        return EXIT_BAD_INPUT;
                    }
                    // engine refusals that a command did not translate itself are still bad input, not a failure
                    if (e instanceof DataException || e instanceof InvalidSpecException) {
                        errWriter.println(OneLine.of(command + ": " + OptionNames.rename(e.getMessage())));
                        return EXIT_BAD_INPUT;
                    }
                    errWriter.println(OneLine.of(command + ": failed: " + describe(e)));
                    return EXIT_FAILURE;
                });
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
