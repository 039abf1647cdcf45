package lrwb.engine.finder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import lrwb.engine.data.ConfigFields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;

/** Everything one range test needs: what to train on, which network and optimizer, and the sweep. */
public record RangeTestRequest(DataOptions data, ModelSpec model, OptimizerSpec optimizer, int batchSize, RangeTestConfig config) {
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The largest minibatch, the same as training's ({@link LoadedData#MAX_BATCH_SIZE}). */
    public static final int MAX_BATCH_SIZE = LoadedData.MAX_BATCH_SIZE;

    public RangeTestRequest {
        LoadedData.checkBatchSizeRange(batchSize);
    }

    /** A short name for run folders and legends, e.g. {@code iris mlp:64,32 sgd}. */
    public String shortName() {
        return data.source() + " " + model.shortName() + " " + optimizer.shortName();
    }

    /** The full configuration, as run.json records it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("dataset", data.toJson());
        o.put("model", model.describe());
        o.put("optimizer", optimizer.describe());
        o.put("batchSize", batchSize);
        o.put("seed", config.seed());
        o.put("startLr", config.startLr());
        o.put("endLr", config.endLr());
        o.put("iterations", config.iterations());
        o.put("mode", config.mode().json());
        o.put("beta", config.beta());
        o.put("divergeFactor", config.divergeFactor());
        o.put("skipStart", config.skipStart());
        o.put("skipEnd", config.skipEnd());
        o.put("lossSource", config.lossSource().json());
        return o;
    }

    /**
     * Reads what {@link #toJson} wrote (a run.json's config); {@code fromJson(r.toJson())} equals {@code r}.
     * Fields the record does not know (the plan a run adds, such as stepsPerEpoch) are ignored; a record from before
     * {@code lossSource} existed recorded the training loss.
     *
     * @throws IllegalArgumentException naming the field that is missing or breaks its rule
     */
    public static RangeTestRequest fromJson(JsonNode n) {
        RangeTestConfig config = new RangeTestConfig(ConfigFields.number(n, "startLr"), ConfigFields.number(n, "endLr"),
                ConfigFields.integer(n, "iterations"), SweepMode.parse(ConfigFields.text(n, "mode")), ConfigFields.number(n, "beta"),
                ConfigFields.number(n, "divergeFactor"), ConfigFields.integer(n, "skipStart"), ConfigFields.integer(n, "skipEnd"),
                ConfigFields.whole(n, "seed"),
                n.path("lossSource").isTextual() ? LossSource.parse(n.get("lossSource").asText()) : LossSource.TRAIN);
        return new RangeTestRequest(DataOptions.fromJson(n.get("dataset")), ModelSpec.parse(ConfigFields.text(n, "model")),
                OptimizerSpec.parse(ConfigFields.text(n, "optimizer")), ConfigFields.integer(n, "batchSize"), config);
    }
}
