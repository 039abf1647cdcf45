package lrwb.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import lrwb.engine.data.ConfigFields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * One training run's full configuration: data, network, optimizer, the LR (any schedule of
 * specs/schedules.md, a constant being {@code {"type":"constant"}}, or a plateau controller), length and seed.
 *
 * @param name a label for legends and run folders; null derives one
 */
public record TrainingRequest(DataOptions data, ModelSpec model, OptimizerSpec optimizer, ScheduleSpec schedule,
                              int epochs, int batchSize, long seed, String name) {
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The longest run the workbench accepts, in the CLI and the app alike. */
    public static final int MAX_EPOCHS = 100_000;
    /** The largest minibatch, the same for range tests ({@link LoadedData#MAX_BATCH_SIZE}). */
    public static final int MAX_BATCH_SIZE = LoadedData.MAX_BATCH_SIZE;

    public TrainingRequest {
        if (data == null || model == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("data, model, optimizer and schedule are required");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new InvalidSpecException("epochs", "must be an integer in [1, " + MAX_EPOCHS + "] (got " + epochs + ")");
        }
        LoadedData.checkBatchSizeRange(batchSize);
        if (name == null || name.isBlank()) {
            name = model.shortName() + " " + optimizer.shortName() + " " + schedule.type();
        }
    }

    public TrainingRequest withName(String newName) {
        return new TrainingRequest(data, model, optimizer, schedule, epochs, batchSize, seed, newName);
    }

    public TrainingRequest withSchedule(ScheduleSpec newSchedule) {
        return new TrainingRequest(data, model, optimizer, newSchedule, epochs, batchSize, seed, null);
    }

    /** The full configuration, as run.json records it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("dataset", data.toJson());
        o.put("model", model.describe());
        o.put("optimizer", optimizer.describe());
        o.set("schedule", ScheduleJson.toTree(schedule));
        o.put("epochs", epochs);
        o.put("batchSize", batchSize);
        o.put("seed", seed);
        o.put("name", name);
        return o;
    }

    /**
     * Reads what {@link #toJson} wrote (a run.json's config); {@code fromJson(r.toJson())} equals {@code r}.
     * Fields the record does not know (the plan a run adds, such as stepsPerEpoch) are ignored.
     *
     * @throws IllegalArgumentException naming the field that is missing or breaks its rule
     */
    public static TrainingRequest fromJson(JsonNode n) {
        JsonNode schedule = n == null ? null : n.get("schedule");
        if (schedule == null || !schedule.isObject()) {
            throw new IllegalArgumentException("schedule is missing");
        }
        JsonNode name = n.get("name");
        return new TrainingRequest(DataOptions.fromJson(n.get("dataset")), ModelSpec.parse(ConfigFields.text(n, "model")),
                OptimizerSpec.parse(ConfigFields.text(n, "optimizer")), ScheduleJson.read(schedule),
                ConfigFields.integer(n, "epochs"), ConfigFields.integer(n, "batchSize"), ConfigFields.whole(n, "seed"),
                name == null || name.isNull() ? null : name.asText());
    }
}
