package lrwb.app.designer;

import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * A language the selected schedule can be copied as. The shell supplies the code languages (backed by the
 * engine's code export), so the Designer does not depend on how snippets are made.
 *
 * @param label  menu text, e.g. "PyTorch"
 * @param writer the snippet for a spec, given the chart's steps per epoch (for epoch-unit schedules)
 */
public record SnippetFormat(String label, Writer writer) {
    @FunctionalInterface
    public interface Writer {
        String snippet(ScheduleSpec spec, int stepsPerEpoch);
    }

    /** The spec itself, as saved in {@code schedules/NAME.json} and read by {@code lrwb schedule --spec}. */
    public static final SnippetFormat JSON = new SnippetFormat("JSON spec (lrwb)", (spec, spe) -> ScheduleJson.write(spec));

    /** A menu label for the engine's language names ({@code java}, {@code pytorch}, {@code keras}, {@code transformers}, {@code optax}). */
    public static String labelFor(String cliName) {
        return switch (cliName) {
            case "java" -> "Java (DL4J)";
            case "pytorch" -> "PyTorch";
            case "keras" -> "Keras";
            case "transformers" -> "Hugging Face transformers";
            case "optax" -> "optax (JAX)";
            default -> cliName;
        };
    }
}
