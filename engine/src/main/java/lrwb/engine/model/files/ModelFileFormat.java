package lrwb.engine.model.files;

/** The kinds of network file the workbench reads: {@code keras:PATH} and {@code dl4j:PATH} (and {@code run:DIR}). */
public enum ModelFileFormat {
    /** A Keras HDF5 file ({@code model.save("m.h5")} in Keras 1.x/2.x or tf.keras ≤ 2.x), Sequential or Functional. */
    KERAS,
    /** A DL4J ModelSerializer zip, MultiLayerNetwork or ComputationGraph. */
    DL4J
}
