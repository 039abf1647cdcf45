package lrwb.engine.cli;

import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.data.ImageNormalization;
import picocli.CommandLine.Option;

/** The DATA options of cli.md, shared by find and train. */
final class DataOptionsMixin {
    @Option(names = "--dataset", required = true, paramLabel = "iris|spirals|moons|circles|blobs|shapes|csv:PATH|idx:DIR|cifar:DIR|images:DIR[,size=S]",
            description = "Training data: a built-in set (synthetic ones take options, e.g. moons:samples=500,noise=0.2 or "
                    + "shapes:samples=2000,size=32,noise=0.1,seed=7), your CSV (plain or .gz), an MNIST-format folder, "
                    + "the CIFAR-10/100 binary folder (test batch = validation) or a folder of PNG/JPEG files with one "
                    + "subfolder per class (train/ + test/ or val/ = the split when present; resized to S x S, default 32).")
    String dataset;

    @Option(names = "--label-column", paramLabel = "N|NAME", description = "CSV: the label column, a 0-based index or a header name (default: last).")
    String labelColumn;

    @Option(names = "--header", paramLabel = "auto|yes|no", defaultValue = "auto", description = "CSV: whether the first row is a header (default: ${DEFAULT-VALUE}).")
    String header;

    @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.2", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}; idx uses its t10k files, cifar its test batch, images its test/ or val/ folder).")
    double valSplit;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N rows (idx, cifar, images: per part), for quick runs.")
    Integer limit;

    @Option(names = "--normalize", paramLabel = "unit|standard",
            description = "Images: unit = pixels / 255 (default); standard = per channel (pixel - mean) / std with mean "
                    + "and std of the training split, applied to training and validation alike (recorded in run.json).")
    String normalize;

    @Option(names = "--augment", paramLabel = "crop:P,flip,cutout:N|cutout|none",
            description = "Images, training batches only, seeded: crop:P = pad P zeros per side and cut a random window; "
                    + "flip = mirror left-right with probability 0.5; cutout:N = zero an N x N square at a random place; "
                    + "cutout = random erasing (Keras get_random_eraser defaults: p 0.5, area 0.02-0.4, aspect 0.3-3.3). "
                    + "E.g. --augment crop:4,flip,cutout:8 (default: none)")
    String augment;

    DataOptions toOptions(long seed) {
        HeaderMode headerMode;
        ImageNormalization normalization;
        Augmentation augmentation;
        try {
            headerMode = HeaderMode.parse(header);
            normalization = normalize == null ? null : ImageNormalization.parse(normalize);
            augmentation = augment == null ? null : Augmentation.parse(augment);
        } catch (DataException e) {
            throw new BadInputException("--" + e.getMessage());
        }
        if (augment != null && augment.isBlank()) {
            throw new BadInputException("--augment must name at least one of " + Augmentation.FORMS);
        }
        try {
            return new DataOptions(dataset, labelColumn, headerMode, valSplit, limit, seed, normalization, augmentation);
        } catch (DataException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
    }
}
