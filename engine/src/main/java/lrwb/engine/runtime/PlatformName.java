package lrwb.engine.runtime;

import java.util.Map;

/** A platform as messages name it: {@code macOS arm64} for JavaCPP's {@code macosx-arm64}. */
public final class PlatformName {
    /** The platforms engine/pom.xml has natives for (profiles natives-*). */
    private static final Map<String, String> NAMES = Map.of(
            "linux-x86_64", "Linux x86_64", "linux-arm64", "Linux arm64",
            "macosx-x86_64", "macOS x86_64", "macosx-arm64", "macOS arm64",
            "windows-x86_64", "Windows x86_64");

    private PlatformName() {
    }

    /** @param platform JavaCPP's name of a platform ({@code Loader.getPlatform()}); returned as it is when unknown */
    public static String of(String platform) {
        return NAMES.getOrDefault(platform, platform);
    }
}
