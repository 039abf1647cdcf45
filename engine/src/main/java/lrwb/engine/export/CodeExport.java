package lrwb.engine.export;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * Turns a schedule spec into a copy-pasteable snippet for DL4J, PyTorch, Keras, Hugging Face transformers or optax that gives exactly the LR our
 * evaluator gives at every iteration (specs/schedules.md, "Code export"). A framework built-in is used only where
 * it computes the same formula; otherwise the snippet carries the formula itself, never a near miss.
 */
public final class CodeExport {
    private CodeExport() {
    }

    /**
     * The snippet for a schedule. If the schedule counts epochs and the framework counts updates, the snippet has
     * a {@code STEPS_PER_EPOCH = ...} placeholder to fill in; use {@link #snippet(ScheduleSpec, CodeLanguage, int)}
     * when the batches per epoch are known.
     */
    public static String snippet(ScheduleSpec spec, CodeLanguage lang) {
        return generate(spec, lang, StepsPerEpoch.unknown());
    }

    /**
     * The snippet for a schedule, with the batches per epoch filled in where the schedule counts epochs.
     *
     * @throws IllegalArgumentException if {@code stepsPerEpoch <= 0}
     */
    public static String snippet(ScheduleSpec spec, CodeLanguage lang, int stepsPerEpoch) {
        return generate(spec, lang, new StepsPerEpoch(stepsPerEpoch));
    }

    /**
     * The snippet with the optimizer's own line (settings that differ from the framework's defaults, weight decay, AdamW),
     * in the languages that write one ({@link CodeLanguage#writesOptimizer()}).
     *
     * @param stepsPerEpoch batches per epoch, or null for a placeholder where the schedule counts epochs
     * @param optimizer     null: the snippet's usual default optimizer line
     * @throws IllegalArgumentException if {@code stepsPerEpoch <= 0}, or an optimizer is given for another language
     */
    public static String snippet(ScheduleSpec spec, CodeLanguage lang, Integer stepsPerEpoch, OptimizerSpec optimizer) {
        if (optimizer != null && !lang.writesOptimizer()) {
            throw new IllegalArgumentException("optimizer is written into " + CodeLanguage.optimizerLanguages()
                    + " snippets only (got " + lang.cliName() + ")");
        }
        return generate(spec, lang, stepsPerEpoch == null ? StepsPerEpoch.unknown() : new StepsPerEpoch(stepsPerEpoch), optimizer);
    }

    private static String generate(ScheduleSpec spec, CodeLanguage lang, StepsPerEpoch stepsPerEpoch) {
        return generate(spec, lang, stepsPerEpoch, null);
    }

    private static String generate(ScheduleSpec spec, CodeLanguage lang, StepsPerEpoch stepsPerEpoch, OptimizerSpec optimizer) {
        String comment = lang == CodeLanguage.JAVA ? "// " : "# ";
        // One line naming the schedule, so a pasted snippet can be traced back to (and reloaded in) the Workbench.
        String header = comment + "Reproduces the LR Workbench schedule " + ScheduleJson.toTree(spec) + "\n";
        return header + body(spec, lang, stepsPerEpoch, optimizer);
    }

    private static String body(ScheduleSpec spec, CodeLanguage lang, StepsPerEpoch stepsPerEpoch, OptimizerSpec optimizer) {
        if (spec instanceof PlateauSchedule plateau) {
            return switch (lang) {
                case JAVA -> JavaPlateauSnippet.generate(plateau);
                case PYTORCH -> PyTorchSnippet.plateau(plateau, optimizer);
                case KERAS -> KerasPlateauSnippet.generate(plateau);
                case TRANSFORMERS -> TransformersSnippet.plateau(plateau, optimizer);
                case OPTAX -> OptaxSnippet.plateau(plateau);
            };
        }
        FormulaSchedule formula = (FormulaSchedule) spec;
        return switch (lang) {
            case JAVA -> JavaSnippet.generate(formula, stepsPerEpoch);
            case PYTORCH -> PyTorchSnippet.generate(formula, stepsPerEpoch, optimizer);
            case KERAS -> KerasSnippet.generate(formula, stepsPerEpoch);
            case TRANSFORMERS -> TransformersSnippet.generate(formula, stepsPerEpoch, optimizer);
            case OPTAX -> OptaxSnippet.generate(formula, stepsPerEpoch);
        };
    }
}
