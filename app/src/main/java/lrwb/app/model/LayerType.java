package lrwb.app.model;

import lrwb.engine.model.layers.LayerActivation;
import lrwb.engine.model.layers.LayerSpec;
import lrwb.engine.model.layers.LayerSpecException;
import lrwb.engine.model.layers.Padding;
import lrwb.engine.schedule.NumberText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer types of specs/models.md as the editor shows them: their fields, the layer a fresh row starts as, and
 * the way between a {@link LayerSpec} and the texts of its fields. The engine's records check the values, so their
 * messages are the ones the user reads; only "this is not a number" is said here, before there is a record.
 */
public enum LayerType {
    DENSE(LayerSpec.Dense.TYPE, new LayerSpec.Dense(64, LayerActivation.RELU),
            LayerField.integer("units"), LayerField.activation(), LayerField.optionalNumber("l2")),
    CONV2D(LayerSpec.Conv2d.TYPE, new LayerSpec.Conv2d(32, 3, Padding.SAME, LayerActivation.RELU),
            LayerField.integer("filters"), LayerField.integer("kernel"), LayerField.integer("stride"), LayerField.padding(),
            LayerField.activation(), LayerField.optionalNumber("l2")),
    MAX_POOL(LayerSpec.MaxPool.TYPE, new LayerSpec.MaxPool(2),
            LayerField.integer("size"), LayerField.integer("stride"), LayerField.padding()),
    AVG_POOL(LayerSpec.AvgPool.TYPE, new LayerSpec.AvgPool(2),
            LayerField.integer("size"), LayerField.integer("stride"), LayerField.padding()),
    GLOBAL_AVG_POOL(LayerSpec.GlobalAvgPool.TYPE, new LayerSpec.GlobalAvgPool()),
    BATCH_NORM(LayerSpec.BatchNorm.TYPE, new LayerSpec.BatchNorm(), LayerField.number("momentum"), LayerField.number("eps")),
    DROPOUT(LayerSpec.Dropout.TYPE, new LayerSpec.Dropout(0.25), LayerField.number("rate")),
    ACTIVATION(LayerSpec.Activation.TYPE, new LayerSpec.Activation(LayerActivation.RELU), LayerField.activation());

    private final String json;
    private final LayerSpec fresh;
    private final List<LayerField> fields;

    LayerType(String json, LayerSpec fresh, LayerField... fields) {
        this.json = json;
        this.fresh = fresh;
        this.fields = List.of(fields);
    }

    /** The type's name in the JSON and in the editor, e.g. {@code conv2d}. */
    public String json() {
        return json;
    }

    public List<LayerField> fields() {
        return fields;
    }

    /** What a newly added layer of this type holds. */
    public LayerSpec fresh() {
        return fresh;
    }

    public static LayerType of(LayerSpec layer) {
        for (LayerType t : values()) {
            if (t.json.equals(layer.type())) {
                return t;
            }
        }
        throw new IllegalArgumentException("no editor for layer type " + layer.type());
    }

    /** The layer's values as the editor's texts, in field order; an unset optional field is blank. */
    public static Map<String, String> texts(LayerSpec layer) {
        Map<String, String> t = new LinkedHashMap<>();
        if (layer instanceof LayerSpec.Dense d) {
            t.put("units", String.valueOf(d.units()));
            t.put("activation", d.activation().json());
            t.put("l2", d.l2() == null ? "" : NumberText.of(d.l2()));
        } else if (layer instanceof LayerSpec.Conv2d c) {
            t.put("filters", String.valueOf(c.filters()));
            t.put("kernel", String.valueOf(c.kernel()));
            t.put("stride", String.valueOf(c.stride()));
            t.put("padding", c.padding().json());
            t.put("activation", c.activation().json());
            t.put("l2", c.l2() == null ? "" : NumberText.of(c.l2()));
        } else if (layer instanceof LayerSpec.Pool p) {
            t.put("size", String.valueOf(p.size()));
            t.put("stride", String.valueOf(p.stride()));
            t.put("padding", p.padding().json());
        } else if (layer instanceof LayerSpec.BatchNorm b) {
            t.put("momentum", NumberText.of(b.momentum()));
            t.put("eps", NumberText.of(b.eps()));
        } else if (layer instanceof LayerSpec.Dropout d) {
            t.put("rate", NumberText.of(d.rate()));
        } else if (layer instanceof LayerSpec.Activation a) {
            t.put("activation", a.activation().json());
        }
        return t;
    }

    /**
     * The layer these texts describe.
     *
     * @throws LayerSpecException naming the field (without the layer's index) and the rule
     */
    public LayerSpec build(Map<String, String> texts) {
        FieldTexts f = new FieldTexts(texts);
        return switch (this) {
            case DENSE -> new LayerSpec.Dense(f.integer("units"), f.activation("activation"), f.optionalNumber("l2"));
            case CONV2D -> new LayerSpec.Conv2d(f.integer("filters"), f.integer("kernel"), f.integer("stride"),
                    f.padding("padding"), f.activation("activation"), f.optionalNumber("l2"));
            case MAX_POOL -> new LayerSpec.MaxPool(f.integer("size"), f.integer("stride"), f.padding("padding"));
            case AVG_POOL -> new LayerSpec.AvgPool(f.integer("size"), f.integer("stride"), f.padding("padding"));
            case GLOBAL_AVG_POOL -> new LayerSpec.GlobalAvgPool();
            case BATCH_NORM -> new LayerSpec.BatchNorm(f.number("momentum"), f.number("eps"));
            case DROPOUT -> new LayerSpec.Dropout(f.number("rate"));
            case ACTIVATION -> new LayerSpec.Activation(f.activation("activation"));
        };
    }
}
