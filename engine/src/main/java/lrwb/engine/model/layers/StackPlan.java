package lrwb.engine.model.layers;

import lrwb.engine.model.NetworkShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a layer stack makes of data of one shape, worked out once for the summary, the mismatch check and the
 * DL4J configuration alike, so the three cannot disagree: whether images are read as maps, every layer's output
 * and parameter count, where the flatten is implied, and how the softmax output is formed.
 *
 * <p>The output rule (specs/models.md, "the output comes from the data"): the last layer becomes the output layer
 * when it already is a dense softmax of width = number of classes ({@link Output#LAST_DENSE}); when it is a softmax
 * {@code activation} over exactly that many values it becomes a parameter-free softmax + cross-entropy loss layer
 * ({@link Output#LAST_SOFTMAX}: cifar-cnn's "conv1×1·10, avgPool 4, softmax over the 10 outputs", where appending a
 * dense layer would add a 10×10 layer the network does not have); otherwise a dense softmax layer is appended
 * ({@link Output#APPENDED}). A softmax activation over another number of values is refused: it would feed one
 * softmax into another.
 *
 * @param readsImages whether the input is an image map; false for tabular data and for image data read by a stack
 *                    with no convolution or pooling (its pixels are features, as {@code mlp:} reads them)
 * @param rows        Keras' summary rows up to the first problem
 * @param problem     why the stack cannot read this data, if it cannot
 */
record StackPlan(boolean readsImages, Output output, List<LayerRow> rows, Optional<String> problem) {
    /** Beyond this a spec is a typo, not a network for a laptop: 200 million float parameters are 800 MB. */
    static final long MAX_PARAMS = 200_000_000L;

    enum Output { APPENDED, LAST_DENSE, LAST_SOFTMAX }

    long totalParams() {
        return rows.stream().mapToLong(LayerRow::params).sum();
    }

    static StackPlan of(LayerStack stack, NetworkShape shape) {
        return new Walk(stack, shape).run();
    }

    /** One pass over the layers, tracking the extent between them. */
    private static final class Walk {
        private final LayerStack stack;
        private final NetworkShape shape;
        private final boolean readsImages;
        private final List<LayerRow> rows = new ArrayList<>();
        private final Map<String, Integer> namesUsed = new HashMap<>();
        private Extent extent;

        Walk(LayerStack stack, NetworkShape shape) {
            this.stack = stack;
            this.shape = shape;
            this.readsImages = shape.isImage() && stack.layers().stream().anyMatch(LayerSpec::spatial);
            this.extent = readsImages ? Extent.map(shape.height(), shape.width(), shape.channels())
                    : Extent.vector(shape.numFeatures());
        }

        StackPlan run() {
            List<LayerSpec> layers = stack.layers();
            int classes = shape.numClasses();
            for (int i = 0; i < layers.size(); i++) {
                boolean last = i == layers.size() - 1;
                Optional<String> problem = step(i, layers.get(i), last);
                if (problem.isPresent()) {
                    return done(Output.APPENDED, problem);
                }
            }
            LayerSpec last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
            if (last instanceof LayerSpec.Dense d && d.activation() == LayerActivation.SOFTMAX && d.units() == classes) {
                return done(Output.LAST_DENSE, Optional.empty());
            }
            if (last instanceof LayerSpec.Activation a && a.activation() == LayerActivation.SOFTMAX) {
                if (extent.size() != classes) {
                    return done(Output.APPENDED, Optional.of("layers[" + (layers.size() - 1) + "] softmax gives "
                            + extent.size() + " outputs, but the data has " + classes + " classes"));
                }
                return done(Output.LAST_SOFTMAX, Optional.empty());
            }
            flattenIfMap();
            add("dense", "Dense", Extent.vector(classes), (extent.size() + 1) * classes);
            return done(Output.APPENDED, Optional.empty());
        }

        private StackPlan done(Output output, Optional<String> problem) {
            StackPlan plan = new StackPlan(readsImages, output, List.copyOf(rows), problem);
            if (problem.isEmpty() && plan.totalParams() > MAX_PARAMS) {
                return new StackPlan(readsImages, output, plan.rows, Optional.of(String.format(
                        "the network would have %,d parameters (at most %,d)", plan.totalParams(), MAX_PARAMS)));
            }
            return plan;
        }

        private Optional<String> step(int i, LayerSpec layer, boolean last) {
            String where = "layers[" + i + "] " + layer.type();
            if (layer.spatial() && !extent.map()) {
                if (!shape.isImage()) {
                    return Optional.of(where + " needs image data; the data has " + shape.numFeatures() + " tabular features");
                }
                return Optional.of(where + " needs an image map, but layers[" + (i - 1) + "] "
                        + stack.layers().get(i - 1).type() + " gives a vector of " + extent.size() + " values");
            }
            if (layer instanceof LayerSpec.Dense d) {
                flattenIfMap();
                add("dense", "Dense", Extent.vector(d.units()), (extent.size() + 1) * d.units());
            } else if (layer instanceof LayerSpec.Conv2d c) {
                Extent out = Extent.map(c.padding().outputSize(extent.height(), c.kernel(), c.stride()),
                        c.padding().outputSize(extent.width(), c.kernel(), c.stride()), c.filters());
                if (out.height() < 1 || out.width() < 1) {
                    return Optional.of(where + " (kernel " + c.kernel() + ", stride " + c.stride() + ", "
                            + c.padding().json() + ") shrinks the " + extent + " map below 1×1");
                }
                add("conv2d", "Conv2D", out, ((long) c.kernel() * c.kernel() * extent.channels() + 1) * c.filters());
            } else if (layer instanceof LayerSpec.Pool p) {
                Extent out = Extent.map(p.padding().outputSize(extent.height(), p.size(), p.stride()),
                        p.padding().outputSize(extent.width(), p.size(), p.stride()), extent.channels());
                if (out.height() < 1 || out.width() < 1) {
                    return Optional.of(where + " (size " + p.size() + ", stride " + p.stride() + ", "
                            + p.padding().json() + ") shrinks the " + extent + " map below 1×1");
                }
                boolean max = p instanceof LayerSpec.MaxPool;
                add(max ? "max_pooling2d" : "average_pooling2d", max ? "MaxPooling2D" : "AveragePooling2D", out, 0);
            } else if (layer instanceof LayerSpec.GlobalAvgPool) {
                add("global_average_pooling2d", "GlobalAveragePooling2D", Extent.vector(extent.channels()), 0);
            } else if (layer instanceof LayerSpec.BatchNorm) {
                // DL4J counts gamma, beta and the running mean and variance: 4 per channel (or feature), as Keras' total.
                add("batch_normalization", "BatchNormalization", extent, 4 * extent.channels());
            } else if (layer instanceof LayerSpec.Dropout) {
                add("dropout", "Dropout", extent, 0);
            } else if (layer instanceof LayerSpec.Activation a) {
                if (a.activation() == LayerActivation.SOFTMAX) {
                    if (extent.map() && !last) {
                        return Optional.of(where + " softmax works on vectors only, but gets the " + extent + " map");
                    }
                    flattenIfMap(); // as the output it reads the flattened map (cifar-cnn's 1×1×10)
                }
                add("activation", "Activation", extent, 0);
            }
            return Optional.empty();
        }

        /** Where a vector layer follows a map, DL4J inserts a flatten (CnnToFeedForwardPreProcessor); Keras shows it. */
        private void flattenIfMap() {
            if (extent.map()) {
                add("flatten", "Flatten", extent.flattened(), 0);
            }
        }

        private void add(String name, String type, Extent out, long params) {
            int used = namesUsed.merge(name, 1, Integer::sum);
            rows.add(new LayerRow(used == 1 ? name : name + "_" + (used - 1), type, out.toString(), params));
            extent = out;
        }
    }
}
