package lrwb.engine.model.files;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.NetworkShape;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One example of zeros through the network before a run starts: a file need not say everything about its input
 * (a DL4J conv net reading 4-D images does not say their size), and a shape DL4J rejects must be refused now, with
 * both shapes, rather than as a stack trace in the first update.
 */
final class TrialBatch {
    private TrialBatch() {
    }

    static void check(Model network, InputLayout layout, NetworkShape shape) {
        INDArray input = layout.adapt(Nd4j.zeros(DataType.FLOAT, 1, shape.numFeatures()), shape);
        long outputs;
        try {
            INDArray out = network instanceof MultiLayerNetwork mln
                    ? mln.output(input, false)
                    : ((ComputationGraph) network).outputSingle(false, input);
            outputs = out.size(out.rank() - 1);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the model cannot read the data's " + ModelInput.describe(shape)
                    + " (" + OneLine.of(e) + ")");
        }
        if (outputs != shape.numClasses()) {
            throw new IllegalStateException("the adapted model has " + outputs + " outputs for " + shape.numClasses() + " classes");
        }
    }
}
