package lrwb.engine.export;

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

    private static String generate(ScheduleSpec spec, CodeLanguage lang, StepsPerEpoch stepsPerEpoch) {
        String comment = lang == CodeLanguage.JAVA ? "// " : "# ";
        // One line naming the schedule, so a pasted snippet can be traced back to (and reloaded in) the Workbench.
        String header = comment + "Reproduces the LR Workbench schedule " + ScheduleJson.toTree(spec) + "\n";
        return header + body(spec, lang, stepsPerEpoch);
    }

    private static String body(ScheduleSpec spec, CodeLanguage lang, StepsPerEpoch stepsPerEpoch) {
        if (spec instanceof PlateauSchedule plateau) {
            return switch (lang) {
                case JAVA -> JavaPlateauSnippet.generate(plateau);
                case PYTORCH -> PyTorchSnippet.plateau(plateau);
                case KERAS -> KerasPlateauSnippet.generate(plateau);
                case TRANSFORMERS -> TransformersSnippet.plateau(plateau);
                case OPTAX -> OptaxSnippet.plateau(plateau);
            };
        }
        FormulaSchedule formula = (FormulaSchedule) spec;
        return switch (lang) {
            case JAVA -> JavaSnippet.generate(formula, stepsPerEpoch);
            case PYTORCH -> PyTorchSnippet.generate(formula, stepsPerEpoch);
            case KERAS -> KerasSnippet.generate(formula, stepsPerEpoch);
            case TRANSFORMERS -> TransformersSnippet.generate(formula, stepsPerEpoch);
            case OPTAX -> OptaxSnippet.generate(formula, stepsPerEpoch);
        };
    }
}
