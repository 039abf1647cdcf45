package lrwb.engine.model.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file is, by its first bytes and (for zips) its entries, before any DL4J code reads it: DL4J's readers
 * fail on a wrong file with native errors or stack traces, so the refusals the user reads come from here.
 */
enum FileSignature {
    HDF5, DL4J_ZIP, KERAS3_ZIP;

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** A ModelSerializer zip always holds its configuration (and coefficients) under these names. */
    static final String DL4J_CONFIGURATION = "configuration.json";
    /** A Keras 3 archive: {@code config.json}, {@code metadata.json}, {@code model.weights.h5}. */
    private static final Set<String> KERAS3_ENTRIES = Set.of("config.json", "metadata.json", "model.weights.h5");

    /** @throws IllegalArgumentException with the one-line refusal if the file is missing, unreadable or of no known kind */
    static FileSignature of(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + " is a folder, not a model file");
        }
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + " (" + e.getMessage() + ")");
        }
        if (read == 8 && Arrays.equals(head, HDF5_MAGIC)) {
            return HDF5;
        }
        if (read >= 4 && Arrays.equals(Arrays.copyOf(head, 4), ZIP_MAGIC)) {
            return zipKind(path);
        }
        throw new IllegalArgumentException(path + " is neither a Keras HDF5 file (.h5) nor a DL4J model zip");
    }

    private static FileSignature zipKind(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.getEntry(DL4J_CONFIGURATION) != null) {
                return DL4J_ZIP;
            }
            if (zip.stream().map(ZipEntry::getName).anyMatch(KERAS3_ENTRIES::contains)) {
                return KERAS3_ZIP;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " is a damaged zip file (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(path + " is a zip file but no DL4J model (it holds no " + DL4J_CONFIGURATION + ")");
    }

    /** @throws IllegalArgumentException unless this is a file of {@code format} */
    void require(ModelFileFormat format, Path path) {
        if (this == KERAS3_ZIP) {
            throw new IllegalArgumentException(path + " is a Keras 3 .keras archive, which is not supported: save the model"
                    + " as HDF5 from Keras 2 / tf.keras with model.save(\"m.h5\") and use keras:m.h5");
        }
        if (format == ModelFileFormat.KERAS && this != HDF5) {
            throw new IllegalArgumentException(path + " is a DL4J model zip, not a Keras HDF5 file: use dl4j:" + path);
        }
        if (format == ModelFileFormat.DL4J && this != DL4J_ZIP) {
            throw new IllegalArgumentException(path + " is a Keras HDF5 file, not a DL4J model zip: use keras:" + path);
        }
    }
}
