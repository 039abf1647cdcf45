package lrwb.app.form;

import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.train.TrainingRequest;

import java.util.List;

/**
 * The inputs that the LR Finder and Training share: dataset, network, optimizer, batch size, validation split
 * and seed, with the engine's own rules and messages. Data files are checked when a job loads them; the
 * message then goes to the dataset field through {@link #dataError}.
 */
public final class RunSetupForm {
    /** The networks offered in the model picker's list: small MLPs, the small CNN and the named presets of specs/models.md. */
    public static final List<String> MODEL_PRESETS = ModelSpec.presetNames();

    private final InputField dataset = new InputField("dataset", "iris");
    private final InputField model = new InputField("model", "mlp:64,32");
    private final InputField optimizer = new InputField("optimizer", "sgd");
    private final InputField batch = new InputField("batch size", "16");
    private final InputField valSplit = new InputField("validation split", "0.2");
    private final InputField seed = new InputField("seed", "42");

    public static List<String> builtInDatasets() {
        return Datasets.builtInNames();
    }

    public static List<String> optimizers() {
        return List.of("sgd", "momentum:0.9", "nesterov:0.9", "adam", "adamax", "nadam", "amsgrad", "adagrad", "rmsprop", "adadelta");
    }

    public InputField dataset() {
        return dataset;
    }

    public InputField model() {
        return model;
    }

    public InputField optimizer() {
        return optimizer;
    }

    public InputField batch() {
        return batch;
    }

    public InputField valSplit() {
        return valSplit;
    }

    public InputField seed() {
        return seed;
    }

    /** Validates every field; null with the messages set on the fields when something is wrong. */
    public RunSetup read(FormErrors errors) {
        long seedValue = seed.integer(errors);
        double split = valSplit.number(errors);
        long batchValue = batch.integer(errors);
        if (!batch.hasError() && (batchValue < 1 || batchValue > TrainingRequest.MAX_BATCH_SIZE)) {
            errors.add(batch, "batch size must be a whole number from 1 to " + TrainingRequest.MAX_BATCH_SIZE
                    + " (got " + batch.text() + ")");
        }
        DataOptions data = null;
        try {
            data = new DataOptions(dataset.text(), null, HeaderMode.AUTO, Double.isNaN(split) ? 0.2 : split, null, seedValue);
        } catch (DataException e) {
            errors.add(e.getMessage().startsWith("valSplit") ? valSplit : dataset, e.getMessage().replace("valSplit", "validation split"));
        }
        ModelSpec modelSpec = null;
        try {
            modelSpec = ModelSpec.parse(model.text());
        } catch (IllegalArgumentException e) {
            errors.add(model, e.getMessage().replace("--model ", "").replace("--model: ", ""));
        }
        OptimizerSpec optimizerSpec = null;
        try {
            optimizerSpec = OptimizerSpec.parse(optimizer.text());
        } catch (IllegalArgumentException e) {
            errors.add(optimizer, e.getMessage().replace("--optimizer ", "").replace("--optimizer: ", ""));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new RunSetup(data, modelSpec, optimizerSpec, (int) batchValue, seedValue);
    }

    /**
     * The data the fields name, for a look at its shape: no field is marked, and a seed or split that does not read
     * falls back to its default (neither changes the shape).
     *
     * @throws DataException why the dataset field names no data
     */
    public DataOptions dataOptions() {
        long seedValue;
        double split;
        try {
            seedValue = Long.parseLong(seed.text());
        } catch (NumberFormatException e) {
            seedValue = DataOptions.DEFAULT_SEED;
        }
        try {
            split = Double.parseDouble(valSplit.text());
        } catch (NumberFormatException e) {
            split = DataOptions.DEFAULT_VAL_SPLIT;
        }
        try {
            return new DataOptions(dataset.text(), null, HeaderMode.AUTO, split, null, seedValue);
        } catch (DataException e) {
            if (e.getMessage().startsWith("valSplit")) {
                return new DataOptions(dataset.text(), null, HeaderMode.AUTO, DataOptions.DEFAULT_VAL_SPLIT, null, seedValue);
            }
            throw e;
        }
    }

    /** Fills the fields from a recorded run: its data, network text, optimizer, batch size and seed. */
    public void fill(DataOptions data, String modelText, String optimizerText, int batchSize) {
        dataset.textProperty().set(data.source());
        valSplit.textProperty().set(lrwb.engine.schedule.NumberText.of(data.valSplit()));
        seed.textProperty().set(String.valueOf(data.seed()));
        model.textProperty().set(modelText);
        optimizer.textProperty().set(optimizerText);
        batch.textProperty().set(String.valueOf(batchSize));
    }

    /** A problem found when the data was loaded (file missing, ragged row, ...): shown at the dataset field. */
    public void dataError(String message) {
        dataset.setError(message);
    }
}
