package lrwb.engine.finder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
        return data.source() + " " + model.describe() + " " + optimizer.describe();
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
        return o;
    }
}
