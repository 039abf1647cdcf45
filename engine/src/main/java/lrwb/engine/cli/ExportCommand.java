package lrwb.engine.cli;

import lrwb.engine.export.CodeExport;
import lrwb.engine.export.CodeLanguage;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code lrwb export}: a snippet that reproduces the spec's curve in DL4J, PyTorch, Keras, transformers or optax. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print code that reproduces the schedule exactly in DL4J (java), PyTorch, Keras, Hugging Face"
                + " transformers or optax: the framework's own schedulers where one computes the same curve, else the formula.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "FILE|JSON", description = "Schedule spec: a JSON file or inline JSON.")
    String specText;

    @Option(names = "--lang", required = true, paramLabel = "java|pytorch|keras|transformers|optax", description = "Target framework.")
    String lang;

    @Option(names = "--optimizer", paramLabel = "NAME[:key=value,...]",
            description = "Write this optimizer's line (e.g. adamw:wd=0.05; pytorch and transformers only), with the"
                    + " settings that differ from torch's defaults; a momentum cycle reaches only an optimizer with a"
                    + " momentum (momentum, nesterov, sgdw) or beta1 (the Adam family).")
    String optimizer;

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
        OptimizerSpec optimizerSpec = null;
        if (optimizer != null) {
            if (!language.writesOptimizer()) {
                throw new BadInputException("--optimizer is written into " + CodeLanguage.optimizerLanguages()
                        + " snippets only (got --lang " + language.cliName() + ")");
            }
            try {
                optimizerSpec = OptimizerSpec.parse(optimizer);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        String snippet = CodeExport.snippet(spec, language, stepsPerEpoch, optimizerSpec);
        command.commandLine().getOut().print(snippet.endsWith("\n") ? snippet : snippet + "\n");
        command.commandLine().getOut().flush();
        return Lrwb.EXIT_OK;
    }
}
