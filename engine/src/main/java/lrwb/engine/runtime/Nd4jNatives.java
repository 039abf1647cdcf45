package lrwb.engine.runtime;

import org.bytedeco.javacpp.Loader;

/**
 * Whether ND4J can run on this machine: its CPU backend is native code, one jar per platform (engine/pom.xml puts this
 * platform's on the class path where one exists: Linux x86_64 and arm64, macOS x86_64 and arm64, Windows x86_64).
 * Elsewhere (a build made for another system, Linux on POWER, RISC-V, ...) ND4J would fail at its first array with
 * "ND4J is probably missing dependencies" or an {@link UnsatisfiedLinkError} deep inside; this check, made before
 * anything touches ND4J, says it in one line. It looks for the marker file every nd4j-native jar carries for its own
 * platform and build, without loading (or unpacking) anything.
 *
 * @param platform JavaCPP's name of this platform, e.g. {@code linux-x86_64}, {@code linux-ppc64le}
 * @param present  whether an ND4J native build (plain or oneDNN) for {@code platform} is on the class path
 */
public record Nd4jNatives(String platform, boolean present) {
    /** This JVM's platform, as JavaCPP names it, and whether ND4J's natives for it are on the class path. */
    public static Nd4jNatives host() {
        String platform = Loader.getPlatform();
        return new Nd4jNatives(platform, hasBuild(platform, "") || hasBuild(platform, NativeSettings.ONEDNN));
    }

    /** Whether ND4J's {@code extension} build ({@code ""} for the plain one) for {@code platform} is on the class path. */
    static boolean hasBuild(String platform, String extension) {
        String marker = "META-INF/native-image/" + platform + extension + "/jnind4jcpu/jni-config.json";
        return Nd4jNatives.class.getClassLoader().getResource(marker) != null;
    }

    /** @throws IllegalStateException with the one-line reason if ND4J cannot run here */
    public void require() {
        if (!present) {
            throw new IllegalStateException("networks cannot run on " + PlatformName.of(platform) + ": ND4J has no native build"
                    + " for it on the class path (its builds cover Linux x86_64 and arm64, macOS x86_64 and arm64, Windows"
                    + " x86_64); schedules and code export still work");
        }
    }
}
