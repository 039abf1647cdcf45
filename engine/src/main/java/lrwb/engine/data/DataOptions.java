package lrwb.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which dataset to load and how, validated on construction. The same options always give the same data.
 *
 * @param source      {@code iris}, a synthetic set ({@code moons}, {@code spirals:samples=600,arms=2}, see
 *                    {@link SyntheticSet}), {@code shapes} (see {@link Shapes}), {@code csv:PATH}, {@code idx:DIR},
 *                    {@code cifar:DIR} or {@code images:DIR[,size=S]}
 * @param labelColumn CSV only: the label column as a 0-based index or a header name; null means the last column
 * @param header      CSV only: whether the first row is a header
 * @param valSplit    the fraction held out for validation, in (0, 1); ignored by idx, cifar and images with train/ +
 *                    test/, which bring their validation part
 * @param limit       read at most this many rows (idx, cifar, images: from each part) before splitting; null reads all
 * @param seed        drives synthetic generation, the split, the row order and the augmentation draws
 * @param normalize   images only: {@link ImageNormalization}; null means the default, {@code unit}
 * @param augment     images only: what to change in training images ({@link Augmentation}); null means nothing
 */
public record DataOptions(String source, String labelColumn, HeaderMode header, double valSplit, Integer limit, long seed,
                          ImageNormalization normalize, Augmentation augment) {
    public static final double DEFAULT_VAL_SPLIT = 0.2;
    public static final long DEFAULT_SEED = 42;

    public DataOptions {
        if (source == null || source.isBlank()) {
            throw new DataException("no dataset given: use " + Datasets.SOURCE_FORMS);
        }
        source = source.strip();
        labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn.strip();
        header = header == null ? HeaderMode.AUTO : header;
        OptionRules.inside(null, "valSplit", valSplit, 0, 1);
        if (limit != null && limit <= 0) {
            throw new DataException("limit must be an integer > 0 (got " + limit + ")");
        }
        augment = augment == null || augment.isNone() ? null : augment;
    }

    /** Default normalisation, no augmentation. */
    public DataOptions(String source, String labelColumn, HeaderMode header, double valSplit, Integer limit, long seed) {
        this(source, labelColumn, header, valSplit, limit, seed, null, null);
    }

    /** The normalisation images get: the one asked for, else {@code unit}. */
    public ImageNormalization imageNormalization() {
        return normalize == null ? ImageNormalization.UNIT : normalize;
    }

    /** Header auto-detected, last column as label, valSplit 0.2, every row, seed 42. */
    public static DataOptions of(String source) {
        return new DataOptions(source, null, HeaderMode.AUTO, DEFAULT_VAL_SPLIT, null, DEFAULT_SEED);
    }

    public DataOptions withSource(String source) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withLabelColumn(String labelColumn) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withHeader(HeaderMode header) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withValSplit(double valSplit) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withLimit(Integer limit) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withSeed(long seed) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withNormalize(ImageNormalization normalize) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    public DataOptions withAugment(Augmentation augment) {
        return new DataOptions(source, labelColumn, header, valSplit, limit, seed, normalize, augment);
    }

    /** As run.json records it: every option, nulls included, so a run can be repeated exactly. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", source);
        o.put("labelColumn", labelColumn);
        o.put("header", header.name().toLowerCase(java.util.Locale.ROOT));
        o.put("valSplit", valSplit);
        o.put("limit", limit);
        o.put("seed", seed);
        o.put("normalize", normalize == null ? null : normalize.text());
        o.put("augment", augment == null ? null : augment.text());
        return o;
    }

    /**
     * Reads what {@link #toJson} wrote; {@code fromJson(o.toJson())} equals {@code o}.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static DataOptions fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        if (n == null || !n.isObject() || !n.path("source").isTextual()) {
            throw new IllegalArgumentException("dataset.source is missing");
        }
        String header = n.path("header").asText("auto");
        HeaderMode mode;
        try {
            mode = HeaderMode.valueOf(header.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset.header must be auto, yes or no (got " + header + ")");
        }
        JsonNode labelColumn = n.get("labelColumn");
        JsonNode limit = n.get("limit");
        JsonNode normalize = n.get("normalize");
        JsonNode augment = n.get("augment");
        ImageNormalization normalization;
        Augmentation augmentation;
        try { // records written before these options existed have neither: the defaults then
            normalization = normalize == null || normalize.isNull() ? null : ImageNormalization.parse(normalize.asText());
            augmentation = augment == null || augment.isNull() ? null : Augmentation.parse(augment.asText());
        } catch (DataException e) {
            throw new IllegalArgumentException("dataset." + e.getMessage());
        }
        return new DataOptions(n.get("source").asText(), labelColumn == null || labelColumn.isNull() ? null : labelColumn.asText(),
                mode, n.path("valSplit").asDouble(DEFAULT_VAL_SPLIT),
                limit == null || limit.isNull() ? null : limit.asInt(), n.path("seed").asLong(DEFAULT_SEED),
                normalization, augmentation);
    }
}
