package lrwb.engine.model.files;

/**
 * A network as its file holds it, before the workbench adapts it to a run.
 *
 * @param savedLoss the loss of a Keras training configuration; null for none (and for DL4J files, whose output
 *                  layers carry their loss)
 */
record SourceNetwork(EditableNetwork network, ModelInput input, SavedLoss savedLoss) {
}
