package lrwb.engine.cli;

import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import picocli.CommandLine.Option;

/** The DATA options of cli.md, shared by find and train. */
final class DataOptionsMixin {
    @Option(names = "--dataset", required = true, paramLabel = "iris|spirals|moons|circles|blobs|csv:PATH|idx:DIR",
            description = "Training data: a built-in set (synthetic ones take options, e.g. moons:samples=500,noise=0.2), "
                    + "your CSV (plain or .gz) or an MNIST-format folder.")
    String dataset;

    @Option(names = "--label-column", paramLabel = "N|NAME", description = "CSV: the label column, a 0-based index or a header name (default: last).")
    String labelColumn;

    @Option(names = "--header", paramLabel = "auto|yes|no", defaultValue = "auto", description = "CSV: whether the first row is a header (default: ${DEFAULT-VALUE}).")
    String header;

    @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.2", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}; idx uses its t10k files).")
    double valSplit;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N rows (idx: per part), for quick runs.")
    Integer limit;

    DataOptions toOptions(long seed) {
        HeaderMode headerMode;
        try {
            headerMode = HeaderMode.parse(header);
        } catch (DataException e) {
            throw new BadInputException("--" + e.getMessage());
        }
        try {
            return new DataOptions(dataset, labelColumn, headerMode, valSplit, limit, seed);
        } catch (DataException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
    }
}
