package lrwb.app.form;

import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.data.ImageNormalization;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.train.TrainingRequest;

import java.util.List;

/**
 * The inputs that the LR Finder and Training share: dataset, network, optimizer, batch size, validation split,
 * seed, image normalisation and (Training only) augmentation, with the engine's own rules and messages. Data files are checked when a job loads them; the
 * message then goes to the dataset field through {@link #dataError}.
 */
public final class RunSetupForm {
    /** The networks offered in the model picker's list: small MLPs, the small CNN and the named presets of specs/models.md. */
    public static final List<String> MODEL_PRESETS = ModelSpec.presetNames();

    private final InputField dataset = new InputField("dataset", "iris");
    private final InputField model = new InputField("model", "mlp:64,32");
    private final InputField optimizer = new InputField("optimizer", "sgd");
    private final OptimizerSettings optimizerSettings = new OptimizerSettings(optimizer);
    private final InputField batch = new InputField("batch size", "16");
    private final InputField valSplit = new InputField("validation split", "0.2");
    private final InputField seed = new InputField("seed", "42");
    private final InputField normalize = new InputField("normalize", ImageNormalization.UNIT.text());
    private final InputField augment = new InputField("augment", Augmentation.NONE);
    /** Training offers augmentation; the LR Finder does not, and then ignores the (hidden) field. */
    private final boolean offersAugment;

    /** A form with the augment field (Training). */
    public RunSetupForm() {
        this(true);
    }

    public RunSetupForm(boolean offersAugment) {
        this.offersAugment = offersAugment;
    }

    public static final String NORMALIZE_HINT = "images: unit = pixel / 255, standard = per channel with the training split's mean and std";
    public static final String AUGMENT_HINT = "images, training batches: crop:P, flip, cutout:N (square) or cutout (random erasing), or none";

    /** The normalisation choices, as {@code --normalize} spells them. */
    public static List<String> normalizations() {
        return java.util.Arrays.stream(ImageNormalization.values()).map(ImageNormalization::text).toList();
    }

    /** Examples for the augment field's list: none, then the usual recipes. */
    public static List<String> augmentations() {
        return List.of(Augmentation.NONE, "flip", "crop:4,flip", "crop:4,flip,cutout:8", "crop:4,flip,cutout");
    }

    public static List<String> builtInDatasets() {
        return Datasets.builtInNames();
    }

    public static List<String> optimizers() {
        return List.of("sgd", "momentum:0.9", "nesterov:0.9", "sgdw", "adam", "adamax", "nadam", "amsgrad", "adamw", "adagrad",
                "rmsprop", "adadelta");
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

    /** The settings of the optimizer the optimizer field names, each editable on its own (the "Optimizer settings"). */
    public OptimizerSettings optimizerSettings() {
        return optimizerSettings;
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

    /** Images only: unit (pixel / 255) or standard (per channel with the training split's mean and std). */
    public InputField normalize() {
        return normalize;
    }

    /** Images only, Training only: e.g. crop:4,flip,cutout:8, or none (the default). */
    public InputField augment() {
        return augment;
    }

    public boolean offersAugment() {
        return offersAugment;
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
        ImageNormalization normalization = null;
        try {
            normalization = ImageNormalization.parse(normalize.text());
        } catch (DataException e) {
            errors.add(normalize, e.getMessage());
        }
        Augmentation augmentation = null;
        if (offersAugment) {
            try {
                augmentation = Augmentation.parse(augment.text());
            } catch (DataException e) {
                errors.add(augment, e.getMessage());
            }
        }
        DataOptions data = null;
        try {
            // unit is every image's default: recorded as the default, so it is no image-only option on tabular data
            data = new DataOptions(dataset.text(), null, HeaderMode.AUTO, Double.isNaN(split) ? 0.2 : split, null, seedValue,
                    normalization == ImageNormalization.UNIT ? null : normalization, augmentation);
        } catch (DataException e) {
            errors.add(e.getMessage().startsWith("valSplit") ? valSplit : dataset, e.getMessage().replace("valSplit", "validation split"));
        }
        if (data != null) {
            try {
                Datasets.checkImageOptions(data);
            } catch (DataException e) {
                errors.add(data.augment() != null ? augment : normalize, e.getMessage());
            }
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

    /** Fills the fields from a recorded run: its data (with normalisation and augmentation), network text, optimizer, batch size and seed. */
    public void fill(DataOptions data, String modelText, String optimizerText, int batchSize) {
        dataset.textProperty().set(data.source());
        valSplit.textProperty().set(lrwb.engine.schedule.NumberText.of(data.valSplit()));
        seed.textProperty().set(String.valueOf(data.seed()));
        normalize.textProperty().set(data.imageNormalization().text());
        if (offersAugment) {
            augment.textProperty().set(data.augment() == null ? Augmentation.NONE : data.augment().text());
        }
        model.textProperty().set(modelText);
        optimizer.textProperty().set(optimizerText);
        batch.textProperty().set(String.valueOf(batchSize));
    }

    /** A problem found when the data was loaded (file missing, ragged row, ...): shown at the dataset field. */
    public void dataError(String message) {
        dataset.setError(message);
    }
}
