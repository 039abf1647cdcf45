package lrwb.engine.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The frameworks {@link CodeExport} writes code for, by the names the CLI's {@code --lang} accepts. */
public enum CodeLanguage {
    /** Deeplearning4j 1.0.0-M2.1: an {@code org.nd4j.linalg.schedule.ISchedule}. */
    JAVA("java"),
    /** {@code torch.optim.lr_scheduler}. */
    PYTORCH("pytorch"),
    /** Keras 3: {@code keras.optimizers.schedules} or a callback. */
    KERAS("keras"),
    /** Hugging Face transformers: its {@code get_*_schedule*} functions, or a LambdaLR. */
    TRANSFORMERS("transformers"),
    /** optax (JAX): its schedules, or the LR set from Python through {@code inject_hyperparams}. */
    OPTAX("optax");

    private final String cliName;

    CodeLanguage(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Whether the snippet writes a given optimizer's own line (torch.optim, for PyTorch and transformers). */
    public boolean writesOptimizer() {
        return this == PYTORCH || this == TRANSFORMERS;
    }

    /** "pytorch, transformers": the languages that write a given optimizer, for messages. */
    public static String optimizerLanguages() {
        return Arrays.stream(values()).filter(CodeLanguage::writesOptimizer).map(CodeLanguage::cliName)
                .collect(Collectors.joining(", "));
    }

    /**
     * The language named {@code java}, {@code pytorch}, {@code keras}, {@code transformers} or {@code optax} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static CodeLanguage parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (CodeLanguage lang : values()) {
            if (lang.cliName.equals(wanted)) {
                return lang;
            }
        }
        String allowed = Arrays.stream(values()).map(CodeLanguage::cliName).collect(Collectors.joining(", "));
        String got = name == null ? "nothing" : "\"" + name + "\"";
        throw new IllegalArgumentException("lang must be one of " + allowed + " (got " + got + ")");
    }
}
