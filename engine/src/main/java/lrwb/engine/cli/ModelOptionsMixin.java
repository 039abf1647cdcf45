package lrwb.engine.cli;

import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.InvalidSpecException;
import picocli.CommandLine.Option;

/** The MODEL options of cli.md, shared by find and train. */
final class ModelOptionsMixin {
    @Option(names = "--model", paramLabel = "mlp:H1,H2,...|cnn", defaultValue = "mlp:64,32",
            description = "Network: an MLP with these hidden layers, or a small CNN for image data (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--optimizer", paramLabel = "NAME[:key=value,...]", defaultValue = "sgd",
            description = "sgd, momentum[:0.9], nesterov[:0.9], sgdw, adam, adamax, nadam, amsgrad, adamw, adagrad, rmsprop,"
                    + " adadelta; settings as in torch.optim, e.g. adam:beta2=0.98,eps=1e-6 or adamw:wd=0.05 (keys: momentum"
                    + " nesterov beta1 beta2 rho eps initialAccumulator wd; README lists each optimizer's)"
                    + " (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed for data order, split and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    ModelSpec modelSpec() {
        try {
            return ModelSpec.parse(model);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    OptimizerSpec optimizerSpec() {
        try {
            return OptimizerSpec.parse(optimizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    int batchSize() {
        try {
            LoadedData.checkBatchSizeRange(batch);
        } catch (InvalidSpecException e) {
            throw new BadInputException(OptionNames.rename(e.getMessage()));
        }
        return batch;
    }
}
