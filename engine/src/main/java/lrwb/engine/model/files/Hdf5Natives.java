package lrwb.engine.model.files;

import lrwb.engine.runtime.PlatformName;
import org.bytedeco.javacpp.Loader;

/**
 * Whether DL4J's Keras import can run on this machine. It reads the file through JavaCPP's HDF5 natives, and
 * HDF5 1.12.1-1.5.7 (the build DL4J 1.0.0-M2.1 uses) has none for macOS arm64, so the engine's pom adds no HDF5
 * native jar there. Without this check the import would fail deep inside DL4J with an {@link UnsatisfiedLinkError}
 * stack trace; with it the user reads one line saying what to do instead. The check looks for HDF5's JNI library
 * among the classpath resources, where JavaCPP's loader finds it, without loading (or unpacking) anything.
 *
 * @param platform JavaCPP's name of this platform, e.g. {@code linux-x86_64}, {@code macosx-arm64}
 * @param present  whether HDF5's native jar for {@code platform} is on the classpath
 */
record Hdf5Natives(String platform, boolean present) {
    /** This JVM's platform, as JavaCPP names it, and whether HDF5's natives for it are on the classpath. */
    static Hdf5Natives host() {
        String platform = Loader.getPlatform();
        String library = "/org/bytedeco/hdf5/" + platform + "/" + System.mapLibraryName("jnihdf5");
        return new Hdf5Natives(platform, Hdf5Natives.class.getResource(library) != null);
    }

    /** @throws IllegalArgumentException with the one-line reason if Keras HDF5 files cannot be read here */
    void requireForKeras() {
        if (!present) {
            throw new IllegalArgumentException("Keras HDF5 import is not available on " + PlatformName.of(platform)
                    + ": HDF5 has no native build for it; save the model as a DL4J zip on another machine");
        }
    }
}
