package lrwb.engine.model.layers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layer stacks to and from the JSON of specs/models.md. Reading goes through a JSON tree and our own type names
 * only (a file never names a class to instantiate); writing gives the canonical compact form, every field written
 * out, so {@code read(write(s)).equals(s)}.
 */
final class LayerStackJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String LAYERS = "layers";
    static final String WEIGHT_INIT = "weightInit";
    static final String L2 = "l2";
    private static final List<String> STACK_FIELDS = List.of(LAYERS, WEIGHT_INIT, L2);

    /** The fields of each layer type besides {@code type}, in the order they are written. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            LayerSpec.Dense.TYPE, List.of("units", "activation", L2),
            LayerSpec.Conv2d.TYPE, List.of("filters", "kernel", "stride", "padding", "activation", L2),
            LayerSpec.MaxPool.TYPE, List.of("size", "stride", "padding"),
            LayerSpec.AvgPool.TYPE, List.of("size", "stride", "padding"),
            LayerSpec.GlobalAvgPool.TYPE, List.of(),
            LayerSpec.BatchNorm.TYPE, List.of("momentum", "eps"),
            LayerSpec.Dropout.TYPE, List.of("rate"),
            LayerSpec.Activation.TYPE, List.of("activation"));

    private LayerStackJson() {
    }

    static LayerStack parse(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new LayerSpecException("", "layer spec is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode obj)) {
            throw new LayerSpecException("", "a layer spec must be a JSON object with \"layers\" (got "
                    + (tree == null || tree.isMissingNode() ? "nothing" : tree.toString()) + ")");
        }
        JsonFields f = new JsonFields("a layer stack", obj, STACK_FIELDS);
        f.rejectUnknown(null);
        JsonNode layers = f.require(LAYERS);
        if (!layers.isArray()) {
            throw new LayerSpecException(LAYERS, "must be a list (got " + layers + ")");
        }
        if (layers.size() > LayerStack.MAX_LAYERS) {
            throw new LayerSpecException(LAYERS, "must hold at most " + LayerStack.MAX_LAYERS + " layers (got " + layers.size() + ")");
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            try {
                specs.add(layer(layers.get(i)));
            } catch (LayerSpecException e) {
                throw e.atLayer(i);
            }
        }
        String weightInit = f.optionalText(WEIGHT_INIT);
        return new LayerStack(specs, weightInit, f.number(L2, 0));
    }

    private static LayerSpec layer(JsonNode node) {
        String types = String.join(", ", LayerSpec.TYPES);
        if (!(node instanceof ObjectNode obj)) {
            throw new LayerSpecException("", "must be a JSON object with a \"type\" (got " + node + ")");
        }
        JsonNode typeNode = obj.get("type");
        if (typeNode == null || typeNode.isNull()) {
            throw new LayerSpecException("type", "is required (use " + types + ")");
        }
        if (!typeNode.isTextual()) {
            throw new LayerSpecException("type", "must be a string (use " + types + "; got " + typeNode + ")");
        }
        String type = typeNode.textValue();
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new LayerSpecException("type", ": unknown layer type " + JsonText.singleQuoted(type) + " (use " + types + ")");
        }
        JsonFields f = new JsonFields(type, obj, fields);
        f.rejectUnknown("type");
        int max = LayerSpec.MAX_UNITS;
        int window = LayerSpec.MAX_WINDOW;
        return switch (type) {
            case LayerSpec.Dense.TYPE -> new LayerSpec.Dense(f.integer("units", 1, max),
                    f.activation("activation", LayerActivation.IDENTITY), f.optionalNumber(L2));
            case LayerSpec.Conv2d.TYPE -> new LayerSpec.Conv2d(f.integer("filters", 1, max),
                    f.integer("kernel", 1, window), f.integer("stride", 1, window, 1), f.padding("padding", Padding.VALID),
                    f.activation("activation", LayerActivation.IDENTITY), f.optionalNumber(L2));
            case LayerSpec.MaxPool.TYPE -> {
                int size = f.integer("size", 1, window);
                yield new LayerSpec.MaxPool(size, f.integer("stride", 1, window, size), f.padding("padding", Padding.VALID));
            }
            case LayerSpec.AvgPool.TYPE -> {
                int size = f.integer("size", 1, window);
                yield new LayerSpec.AvgPool(size, f.integer("stride", 1, window, size), f.padding("padding", Padding.VALID));
            }
            case LayerSpec.GlobalAvgPool.TYPE -> new LayerSpec.GlobalAvgPool();
            case LayerSpec.BatchNorm.TYPE -> new LayerSpec.BatchNorm(f.number("momentum", LayerSpec.BatchNorm.DEFAULT_MOMENTUM),
                    f.number("eps", LayerSpec.BatchNorm.DEFAULT_EPS));
            case LayerSpec.Dropout.TYPE -> new LayerSpec.Dropout(f.number("rate"));
            case LayerSpec.Activation.TYPE -> new LayerSpec.Activation(f.activation("activation"));
            default -> throw new IllegalStateException("no reader for layer type " + type);
        };
    }

    static String write(LayerStack stack) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode layers = o.putArray(LAYERS);
        stack.layers().forEach(layer -> layers.add(tree(layer)));
        if (stack.weightInit() != null) {
            o.put(WEIGHT_INIT, stack.weightInit());
        }
        o.put(L2, stack.l2());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode tree(LayerSpec layer) {
        ObjectNode o = MAPPER.createObjectNode().put("type", layer.type());
        // Java 17: no pattern matching in switch yet.
        if (layer instanceof LayerSpec.Dense d) {
            o.put("units", d.units()).put("activation", d.activation().json());
            if (d.l2() != null) {
                o.put(L2, d.l2());
            }
        } else if (layer instanceof LayerSpec.Conv2d c) {
            o.put("filters", c.filters()).put("kernel", c.kernel()).put("stride", c.stride())
                    .put("padding", c.padding().json()).put("activation", c.activation().json());
            if (c.l2() != null) {
                o.put(L2, c.l2());
            }
        } else if (layer instanceof LayerSpec.Pool p) {
            o.put("size", p.size()).put("stride", p.stride()).put("padding", p.padding().json());
        } else if (layer instanceof LayerSpec.BatchNorm b) {
            o.put("momentum", b.momentum()).put("eps", b.eps());
        } else if (layer instanceof LayerSpec.Dropout d) {
            o.put("rate", d.rate());
        } else if (layer instanceof LayerSpec.Activation a) {
            o.put("activation", a.activation().json());
        }
        return o;
    }
}
