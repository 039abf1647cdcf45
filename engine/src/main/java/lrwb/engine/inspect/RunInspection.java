package lrwb.engine.inspect;

import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.model.SavedRunModel;
import lrwb.engine.model.files.ImportedNetwork;
import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.files.ModelFiles;
import lrwb.engine.run.EpochParameters;
import lrwb.engine.run.EpochParametersRecord;
import lrwb.engine.run.RunFiles;
import lrwb.engine.runtime.HostCopy;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunRecord;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.train.TrainingRequest;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A training run opened for inspection: its saved network (as DL4J's stock layers, read from {@code model.zip})
 * and its data loaded again from the options run.json records, so the validation split is the one the run
 * validated on. Loading takes as long as loading the data and the network; the rest is computed when asked
 * and kept. Not thread-safe: one thread at a time.
 */
public final class RunInspection {
    private final Path dir;
    private final TrainingRequest request;
    private final LoadedData data;
    private final NetworkShape shape;
    private final ImportedNetwork imported;
    private final Network network;
    private ValidationPredictions predictions;
    /** The network on our lean layers, sharing its parameters, for the predictions; made when first asked. */
    private Network predicting;
    private PlanePoints plane;
    /** The predicting network's layers for replaying recorded epochs (their parameters assigned in turn); made when first asked. */
    private Network replay;

    private RunInspection(Path dir, TrainingRequest request, LoadedData data, ImportedNetwork imported) {
        this.dir = dir;
        this.request = request;
        this.data = data;
        this.shape = NetworkShape.of(data);
        this.imported = imported;
        this.network = Network.of(imported.network(), imported.inputLayout(), shape, imported.notes());
    }

    /**
     * Opens a training run's folder.
     *
     * @throws InspectException when the folder is no training run with a saved network (naming what is missing)
     * @throws lrwb.engine.data.DataException when the run's data cannot be loaded again
     */
    public static RunInspection open(Path dir) {
        TrainingRequest request = trainingRequest(dir);
        if (!Files.isRegularFile(dir.resolve(RunFiles.MODEL))) {
            throw new InspectException(dir + ": no " + RunFiles.MODEL + " (a training run saves its network at the end of"
                    + " each epoch; this one ended before its first)");
        }
        LoadedData data = Datasets.load(request.data());
        NativeSettings.apply();
        ImportedNetwork imported;
        try {
            imported = ModelFiles.load(ModelFileFormat.DL4J, dir.resolve(RunFiles.MODEL), NetworkShape.of(data), new NoOp(),
                    request.seed(), false);
        } catch (IllegalArgumentException e) {
            throw new InspectException(e.getMessage());
        }
        return new RunInspection(dir, request, data, imported);
    }

    /**
     * The run's configuration, checked to be a training run's.
     *
     * @throws InspectException for a folder that is missing, holds no run, holds a range test or an unreadable run.json
     */
    public static TrainingRequest trainingRequest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InspectException(dir + ": no such folder");
        }
        if (!Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON))) {
            throw new InspectException(dir + ": not a run folder (no " + RunFiles.RUN_JSON + ")");
        }
        RunRecord record = RunRecord.read(dir);
        if (record.kind() == RunKind.RANGE_TEST && record.config().rangeTest() != null) {
            throw new InspectException(dir + ": a range test folder; inspect reads training runs (they save "
                    + RunFiles.MODEL + ")");
        }
        if (record.config().training() == null) {
            throw new InspectException(dir + ": " + (record.problems().isEmpty() ? "not a training run"
                    : record.problems().get(0)));
        }
        return record.config().training();
    }

    public Path dir() {
        return dir;
    }

    public TrainingRequest request() {
        return request;
    }

    public LoadedData data() {
        return data;
    }

    public Network network() {
        return network;
    }

    /** Image data: a misclassified grid and, for a convolutional network, Grad-CAM. */
    public boolean isImage() {
        return data.isImage();
    }

    /** Two input features: a decision boundary over the plane. */
    public boolean isPlane() {
        return !data.isImage() && data.numFeatures() == 2;
    }

    /**
     * The predictions' network: the saved one on our lean layers (convolutions on oneDNN), as the run computed its
     * validation accuracy while it trained — on DL4J's stock convolutions a `cnn`'s 10,000 Fashion-MNIST validation
     * images took 7.4 of the 13 s Inspect took to open. The decision boundary is drawn from it too, so a point and
     * the side it is drawn on agree at near-ties, and so are the epochs' replays; Grad-CAM and the activations keep the
     * stock layers.
     */
    private Network predictingNetwork() {
        if (predicting == null) {
            predicting = Network.of(Networks.onLeanLayers(imported.network(), EngineTuning.defaults()),
                    imported.inputLayout(), shape, imported.notes());
        }
        return predicting;
    }

    /** The network's predictions on the validation split (computed once). */
    public ValidationPredictions predictions() {
        if (predictions == null) {
            predictions = ValidationPredictions.of(predictingNetwork(), data.validation());
        }
        return predictions;
    }

    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(predictions(), data.classNames());
    }

    /** The validation examples it gets wrong, most confident first. */
    public List<Misclassified> misclassified() {
        return Misclassified.of(predictions());
    }

    /** The network as a layer list, what Grad-CAM reads; empty for a graph. */
    public Optional<MultiLayerNetwork> layerList() {
        return network.asLayerList();
    }

    /** Its convolutional layers, first to last; empty for a dense network or a graph. */
    public List<ConvLayer> convLayers() {
        return layerList().map(ConvLayer::of).orElse(List.of());
    }

    /**
     * Grad-CAM at a layer.
     *
     * @param layer the layer's index or name; null for the last convolutional layer
     * @throws InspectException for data that is no images, a graph network, no such layer, a layer that is not
     *                          convolutional
     */
    public GradCam gradCam(String layer) {
        if (!data.isImage()) {
            throw new InspectException("Grad-CAM needs image data; " + data.name() + " is tabular");
        }
        MultiLayerNetwork net = layerList().orElseThrow(() -> new InspectException(
                "Grad-CAM needs a layer list network; this run's network is a graph (ComputationGraph)"));
        return new GradCam(net, imported.inputLayout(), shape, ConvLayer.choose(net, layer));
    }

    /** Heat maps of validation examples for their predicted classes. */
    public List<HeatMap> heatMaps(GradCam cam, List<Misclassified> examples) {
        if (examples.isEmpty()) {
            return List.of();
        }
        int[] rows = examples.stream().mapToInt(Misclassified::index).toArray();
        int[] classes = examples.stream().mapToInt(Misclassified::predictedClass).toArray();
        INDArray features = data.validation().getFeatures().getRows(rows);
        return cam.heatMaps(features, classes);
    }

    /** A validation image as it looks. */
    public BufferedImage validationImage(int index) {
        if (!data.isImage()) {
            throw new InspectException(data.name() + " is tabular: it has no images");
        }
        float[] values = data.validation().getFeatures().getRow(index).toFloatVector();
        return InspectPictures.image(values, data.imageShape(), data.channelStats());
    }

    /**
     * The points of 2-D data and the plane around them.
     *
     * @throws InspectException unless the data has 2 features
     */
    public PlanePoints plane() {
        if (plane == null) {
            plane = PlanePoints.of(data);
        }
        return plane;
    }

    /**
     * The decision boundary of the saved network over the data's points (training and validation).
     *
     * @throws InspectException unless the data has 2 features
     */
    public DecisionBoundary boundary(int size) {
        return DecisionBoundary.of(predictingNetwork(), plane().extent(), size);
    }

    /** The parameters the run recorded after each epoch (2-D runs; read anew each time: a live run adds to them). */
    public EpochParametersRecord recordedEpochs() {
        return EpochParametersRecord.read(dir);
    }

    /**
     * The decision boundary after a recorded epoch: the saved network's layers with that epoch's parameters.
     *
     * @throws InspectException unless the data has 2 features, or when the record is of another network
     */
    public DecisionBoundary boundaryAt(EpochParameters epoch, int size) {
        PlaneExtent extent = plane().extent();
        if (epoch.params().length != network.numParams()) {
            throw new InspectException(RunFiles.EPOCH_PARAMETERS + " holds " + epoch.params().length
                    + " parameters per epoch; the saved network has " + network.numParams());
        }
        if (replay == null) { // the boundary's own layers, so the last epoch replays as the saved network's boundary
            replay = predictingNetwork().inferenceCopy();
        }
        HostCopy.write(epoch.params(), replay.params());
        return DecisionBoundary.of(replay, extent, size);
    }

    /** The decision boundary as a picture {@code pixels} a side with every point (training and validation) on top. */
    public BufferedImage boundaryPicture(DecisionBoundary boundary, int pixels) {
        return plane().picture(boundary, pixels);
    }

    /** "{@code saved model} of run:DIR" wording for messages. */
    @Override
    public String toString() {
        return new SavedRunModel(dir).describe();
    }
}
