package lrwb.engine.inspect;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A convolutional layer of a layer-list network, one Grad-CAM can look at.
 *
 * @param index       its place in the network (0-based, as DL4J counts layers)
 * @param name        its DL4J layer name
 * @param description e.g. {@code conv 5x5, 16 filters}
 */
public record ConvLayer(int index, String name, String description) {

    /** For lists and menus: {@code 2: conv 5x5, 16 filters}. */
    public String label() {
        return index + ": " + description;
    }

    /** Every convolutional layer of {@code net}, first to last. */
    public static List<ConvLayer> of(MultiLayerNetwork net) {
        List<ConvLayer> convs = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof ConvolutionLayer conv) {
                convs.add(new ConvLayer(i, name(net, i), describe(conv)));
            }
        }
        return List.copyOf(convs);
    }

    /**
     * The layer {@code choice} names: its index or its name; null or blank chooses the last convolutional layer.
     *
     * @throws InspectException naming {@code --layer} when there is no such layer, or it is not convolutional
     */
    public static ConvLayer choose(MultiLayerNetwork net, String choice) {
        List<ConvLayer> convs = of(net);
        if (choice == null || choice.isBlank()) {
            if (convs.isEmpty()) {
                throw new InspectException("layer: the network has no convolutional layer (Grad-CAM needs one)");
            }
            return convs.get(convs.size() - 1);
        }
        String wanted = choice.strip();
        int index = indexOf(net, wanted).orElseThrow(() -> new InspectException("layer " + wanted
                + ": no such layer; the network's layers are 0.." + (net.getnLayers() - 1) + available(convs)));
        return convs.stream().filter(c -> c.index() == index).findFirst().orElseThrow(() -> new InspectException(
                "layer " + wanted + " (" + typeName(net.getLayer(index).conf().getLayer()) + ") is not convolutional"
                        + available(convs)));
    }

    private static Optional<Integer> indexOf(MultiLayerNetwork net, String wanted) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (wanted.equals(name(net, i)) || wanted.equals(String.valueOf(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String available(List<ConvLayer> convs) {
        return convs.isEmpty() ? "; the network has no convolutional layer"
                : "; convolutional layers: " + String.join(", ", convs.stream().map(ConvLayer::label).toList());
    }

    private static String name(MultiLayerNetwork net, int i) {
        String name = net.getLayer(i).conf().getLayer().getLayerName();
        return name == null ? String.valueOf(i) : name;
    }

    private static String describe(ConvolutionLayer conv) {
        int[] k = conv.getKernelSize();
        return "conv " + k[0] + "x" + k[1] + ", " + conv.getNOut() + " filters";
    }

    static String typeName(Layer layer) {
        return layer.getClass().getSimpleName().replace("Layer", "").toLowerCase(Locale.ROOT);
    }
}
