package lrwb.engine.model.files;

import lrwb.engine.model.files.ModelFileInfo.LayerRow;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ModelFileInfo} of a network as its file holds it. */
final class FileDescription {
    private FileDescription() {
    }

    static ModelFileInfo of(SourceNetwork source) {
        EditableNetwork network = source.network();
        InputType input = source.input().type();
        List<LayerRow> rows = new ArrayList<>();
        if (network.network() instanceof MultiLayerNetwork mln) {
            List<InputType> shapes = shapes(() -> mln.getLayerWiseConfigurations().getLayerActivationTypes(input), input);
            for (int i = 0; i < mln.getnLayers(); i++) {
                rows.add(row(mln.getLayerWiseConfigurations().getConf(i), shapes == null ? null : shapes.get(i),
                        mln.getLayer(i).numParams()));
            }
        } else {
            ComputationGraph graph = (ComputationGraph) network.network();
            Map<String, InputType> shapes = shapes(() -> graph.getConfiguration().getLayerActivationTypes(input), input);
            for (NeuralNetConfiguration conf : network.layerConfs()) {
                String name = conf.getLayer().getLayerName();
                rows.add(row(conf, shapes == null ? null : shapes.get(name), graph.getLayer(name).numParams()));
            }
        }
        long outputWidth = network.outputConf().getLayer() instanceof FeedForwardLayer output ? output.getNOut() : 0;
        return new ModelFileInfo(network.kind(), source.input().describe(), outputWidth, network.network().numParams(), rows);
    }

    private static LayerRow row(NeuralNetConfiguration conf, InputType outputType, long params) {
        return new LayerRow(conf.getLayer().getLayerName(), conf.getLayer().getClass().getSimpleName(), text(outputType), params);
    }

    /** Null when the file does not say what its input is, or DL4J cannot work the shapes out. */
    private static <T> T shapes(java.util.function.Supplier<T> computation, InputType input) {
        if (input == null) {
            return null;
        }
        try {
            return computation.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code 128}, {@code 14×14×32} (height × width × channels), {@code ?} where unknown. */
    static String text(InputType type) {
        if (type instanceof InputType.InputTypeFeedForward ff) {
            return Long.toString(ff.getSize());
        }
        if (type instanceof InputType.InputTypeConvolutional conv) {
            return conv.getHeight() + "×" + conv.getWidth() + "×" + conv.getChannels();
        }
        if (type instanceof InputType.InputTypeConvolutionalFlat flat) {
            return flat.getHeight() + "×" + flat.getWidth() + "×" + flat.getDepth();
        }
        return type == null ? "?" : type.toString();
    }
}
