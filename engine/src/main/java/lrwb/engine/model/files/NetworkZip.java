package lrwb.engine.model.files;

import lrwb.engine.model.lean.LeanLayers;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a network as a ModelSerializer zip with its updater state, atomically. */
final class NetworkZip {
    private NetworkZip() {
    }

    static void write(Model net, Path zip) throws IOException {
        Model portable = portable(net);
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + zip.getFileName(), ".tmp");
        try {
            ModelSerializer.writeModel(portable, temp.toFile(), true);
            try {
                Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The network with DL4J's stock layer configurations in place of the lean ones (which are package-private: no other
     * program could read them back), sharing {@code net}'s parameters, with a copy of its updater state.
     */
    private static Model portable(Model net) {
        if (!(net instanceof MultiLayerNetwork mln)) {
            return net;
        }
        MultiLayerNetwork stock = new MultiLayerNetwork(LeanLayers.stockConfiguration(mln.getLayerWiseConfigurations()));
        stock.init(mln.params(), false);
        Updater updater = mln.getUpdater(false);
        INDArray state = updater == null ? null : updater.getStateViewArray();
        if (state != null && !state.isEmpty()) {
            stock.getUpdater(true).getStateViewArray().assign(state);
        }
        return stock;
    }
}
