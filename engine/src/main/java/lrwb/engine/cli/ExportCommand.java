package lrwb.engine.cli;

import lrwb.engine.export.CodeExport;
import lrwb.engine.export.CodeLanguage;
import lrwb.engine.schedule.ScheduleSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code lrwb export}: a snippet that reproduces the spec's curve in DL4J, PyTorch or Keras. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print code that reproduces the schedule exactly in DL4J (java), PyTorch or Keras.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "FILE|JSON", description = "Schedule spec: a JSON file or inline JSON.")
    String specText;

    @Option(names = "--lang", required = true, paramLabel = "java|pytorch|keras", description = "Target framework.")
    String lang;

    @Option(names = "--steps-per-epoch", paramLabel = "K",
            description = "Batches per epoch, written into the snippet for specs with \"unit\": \"epoch\".")
    Integer stepsPerEpoch;

    @Override
    public Integer call() {
        ScheduleSpec spec = SpecArgument.read("--spec", specText);
        CodeLanguage language;
        try {
            language = CodeLanguage.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--lang " + e.getMessage().replaceFirst("^lang ", ""));
        }
        if (stepsPerEpoch != null && stepsPerEpoch <= 0) {
            throw new BadInputException("--steps-per-epoch must be an integer > 0 (got " + stepsPerEpoch + ")");
        }
        String snippet = stepsPerEpoch == null ? CodeExport.snippet(spec, language)
                : CodeExport.snippet(spec, language, stepsPerEpoch);
        command.commandLine().getOut().print(snippet.endsWith("\n") ? snippet : snippet + "\n");
        command.commandLine().getOut().flush();
        return Lrwb.EXIT_OK;
    }
}
