package lrwb.app.form;

import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;

/** What the shared setup form produced: data, network, optimizer, batch size and seed, all valid. */
public record RunSetup(DataOptions data, ModelSpec model, OptimizerSpec optimizer, int batchSize, long seed) {
}
