package lrwb.engine.model.lean;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's output from its last training forward pass, kept for the backward pass that follows: for ReLU the
 * derivative reads the same from the output as from the pre-activation, so the backward pass need not compute the
 * pre-activation again. The output lives as long as the input (the network's activations workspace of one update);
 * it is handed out only for the very input it was computed from, while that workspace is open.
 */
final class KeptOutput {
    private INDArray input;
    private INDArray output;

    /** After a forward pass: kept when it trained, forgotten otherwise. */
    void keep(boolean training, INDArray input, INDArray output) {
        this.input = training ? input : null;
        this.output = training ? output : null;
    }

    /** The kept output if it was computed from {@code currentInput} and is still in scope, else null. */
    INDArray forInput(INDArray currentInput) {
        return output != null && input == currentInput && output.isInScope() ? output : null;
    }

    void forget() {
        input = null;
        output = null;
    }
}
