package lrwb.app.model;

import java.nio.file.Path;

/**
 * A training run whose folder holds a saved network ({@code model.zip}), as the model picker lists it.
 *
 * @param name the run's name, as the Runs table shows it
 * @param dir  its folder: {@code run:DIR} trains on from that network
 */
public record SavedNetwork(String name, Path dir) {
    /** The name, and the folder where two runs share a name. */
    public String label() {
        return name + "  (" + dir.getFileName() + ")";
    }
}
