package lrwb.engine.model;

import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A network as DL4J's {@link ModelSerializer} writes it — configuration (with the iteration and epoch counters),
 * parameters and updater state — taken at one moment and written later: the training job takes it at an epoch's
 * end (two array copies and the counters, a few microseconds on a small net) and goes on training while another
 * thread writes the zip, configuration JSON included (a few hundred microseconds, which an epoch of a small set
 * would feel). The file reads back with {@code ModelSerializer.restoreMultiLayerNetwork} /
 * {@code restoreComputationGraph}, in the workbench ({@code run:DIR}) or in any DL4J program.
 */
public final class SavedNetwork {
    private final Network network;
    private int iteration;
    private int epoch;
    private final INDArray params;
    private final INDArray updaterState;

    private SavedNetwork(Network network, int iteration, int epoch, INDArray params, INDArray updaterState) {
        this.network = network;
        this.iteration = iteration;
        this.epoch = epoch;
        this.params = params;
        this.updaterState = updaterState;
    }

    /** Copies what the file needs from {@code net}, on the thread that trains it. */
    public static SavedNetwork of(Network net) {
        INDArray state = net.updaterState();
        return new SavedNetwork(net, net.iterationCount(), net.epochCount(), net.params().dup(),
                state == null ? null : state.dup());
    }

    /**
     * Takes the copy again from {@code net} into this copy's own arrays, allocating nothing (a small set's epochs end
     * every fraction of a millisecond, and a new copy each time was native arrays for the deallocator to free); false,
     * and nothing changed, when {@code net} is not the network this copy was taken from or its arrays changed shape.
     * Only while no other thread reads this copy.
     */
    public boolean retakeFrom(Network net) {
        INDArray state = net.updaterState();
        if (net != network || !net.params().equalShapes(params) || (state == null) != (updaterState == null)
                || state != null && !state.equalShapes(updaterState)) {
            return false;
        }
        params.assign(net.params());
        if (state != null) {
            updaterState.assign(state);
        }
        iteration = net.iterationCount();
        epoch = net.epochCount();
        return true;
    }

    /** Writes the zip: the entries and encodings of {@link ModelSerializer#writeModel}, updater state included. */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(ModelSerializer.CONFIGURATION_JSON));
        zip.write(network.configurationJson(iteration, epoch).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeArray(zip, ModelSerializer.COEFFICIENTS_BIN, params);
        if (updaterState != null) {
            writeArray(zip, ModelSerializer.UPDATER_BIN, updaterState);
        }
        zip.finish(); // the caller owns the stream
    }

    private static void writeArray(ZipOutputStream zip, String entry, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        DataOutputStream data = new DataOutputStream(zip);
        Nd4j.write(array, data);
        data.flush();
        zip.closeEntry();
    }
}
