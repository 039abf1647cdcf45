package lrwb.engine.export;

/**
 * The batches per epoch a snippet needs when its schedule counts epochs but the framework counts updates.
 * Unknown ({@code null}) becomes a {@code ...} placeholder the user must fill in: a snippet that fails to run
 * until then is better than one that silently assumes a number.
 */
record StepsPerEpoch(Integer value) {
    static final String NAME = "STEPS_PER_EPOCH";

    StepsPerEpoch {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException("stepsPerEpoch must be an integer > 0 (got " + value + ")");
        }
    }

    static StepsPerEpoch unknown() {
        return new StepsPerEpoch(null);
    }

    /** The Python module constant, e.g. {@code STEPS_PER_EPOCH = 390  # ...}. */
    String pythonConstant(String example) {
        return value == null
                ? NAME + " = ...  # TODO: your batches per epoch, e.g. " + example + "; the schedule counts epochs"
                : NAME + " = " + value + "  # batches per epoch: the schedule counts epochs";
    }

    /** The Java class constant (a {@code ...} placeholder does not compile until it is filled in). */
    String javaConstant() {
        return value == null
                ? "static final int " + NAME + " = ...; // TODO: your batches per epoch; parts of the schedule count epochs"
                : "static final int " + NAME + " = " + value + "; // batches per epoch: parts of the schedule count epochs";
    }
}
