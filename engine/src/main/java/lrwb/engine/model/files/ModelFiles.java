package lrwb.engine.model.files;

import lrwb.engine.model.NetworkShape;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Networks from files: {@code keras:PATH}, {@code dl4j:PATH} and {@code run:DIR} (specs/models.md, "Imported files"
 * and "Saved networks"). Every refusal is an {@link IllegalArgumentException} with a one-line message that says
 * what to do; no DL4J exception gets through.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Reads a network and adapts it to a run: the data's classes (a fresh softmax output if the width differs), the
     * run's optimizer in every trainable layer (this very {@code updater} object, so its one LR schedule steers them
     * all), a cross-entropy loss on a softmax output that has none.
     *
     * @param updater          the run's optimizer; the file's optimizer and LR are never used
     * @param seed             initialises a replaced output layer
     * @param keepUpdaterState continue from the file's updater state (and iteration count) when it holds one of the
     *                         same optimizer and size, as {@code run:DIR} does; otherwise the updater starts fresh at
     *                         iteration 0
     * @throws IllegalArgumentException if the file cannot be used with data of {@code shape}, with the reason
     */
    public static ImportedNetwork load(ModelFileFormat format, Path path, NetworkShape shape, IUpdater updater, long seed,
                                       boolean keepUpdaterState) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(updater, "updater");
        try {
            return adapt(format, path, shape, updater, seed, keepUpdaterState);
        } catch (IllegalArgumentException e) {
            throw e; // already the user's message
        } catch (RuntimeException e) { // whatever DL4J or ND4J throws while rebuilding: one line, naming the file
            throw new IllegalArgumentException(path + ": the network cannot be used: " + OneLine.of(e), e);
        }
    }

    private static ImportedNetwork adapt(ModelFileFormat format, Path path, NetworkShape shape, IUpdater updater, long seed,
                                         boolean keepUpdaterState) {
        SourceNetwork source = read(format, path, keepUpdaterState);
        source.input().mismatch(shape).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        EditableNetwork network = source.network();
        List<NeuralNetConfiguration> layers = network.layerConfs();
        List<String> notes = new ArrayList<>();
        boolean sameOptimizer = RunOptimizer.sameKind(layers, updater);
        INDArray fileState = network.updaterState();
        boolean freshOutput = ClassificationHead.fit(network.outputConf(), source.savedLoss(), shape.numClasses(), notes);
        RunOptimizer.install(layers, updater);
        NoOpDropout.remove(layers);

        boolean continuing = keepUpdaterState && sameOptimizer && !freshOutput && !fileState.isEmpty();
        if (!continuing) {
            network.setCounts(0, 0);
        }
        Model rebuilt = network.rebuild(seed, freshOutput);
        if (continuing) {
            continuing = UpdaterState.restore(rebuilt, fileState);
            if (!continuing) { // a fresh updater at the file's count would skip Adam's bias correction: count from 0
                resetCounts(rebuilt);
            }
        }
        if (keepUpdaterState && !continuing && !fileState.isEmpty()) {
            notes.add("the updater starts afresh: the file's updater state is for another optimizer or network");
        }
        TrialBatch.check(rebuilt, source.input().layout(), shape);
        return new ImportedNetwork(rebuilt, source.input().layout(), notes);
    }

    /**
     * What a network file holds, for the model picker, without data.
     *
     * @throws IllegalArgumentException as {@link #load} for a file that cannot be read
     */
    public static ModelFileInfo describe(ModelFileFormat format, Path path) {
        return FileDescription.of(read(format, path, false));
    }

    private static SourceNetwork read(ModelFileFormat format, Path path, boolean withUpdaterState) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        FileSignature.of(path).require(format, path);
        return format == ModelFileFormat.KERAS ? KerasFile.read(path) : Dl4jFile.read(path, withUpdaterState);
    }

    private static void resetCounts(Model net) {
        if (net instanceof org.deeplearning4j.nn.multilayer.MultiLayerNetwork layers) {
            layers.setIterationCount(0);
            layers.setEpochCount(0);
        } else if (net instanceof org.deeplearning4j.nn.graph.ComputationGraph graph) {
            graph.getConfiguration().setIterationCount(0);
            graph.getConfiguration().setEpochCount(0);
        }
    }
}
