package lrwb.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A fresh JVM on this JVM's classpath, for timings that need a cold start. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What a child printed: the first line that matched, and the wall time from spawn to that line. */
    record Output(String line, double wallMs) {
    }

    static Output run(String mainClass, List<String> jvmArgs, Map<String, String> env, Predicate<String> wanted,
                      long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process = builder.start();
        String found = null;
        double wallMs = Double.NaN;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (found == null && wanted.test(line)) {
                    wallMs = (System.nanoTime() - t0) / 1e6;
                    found = line;
                }
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Output(found, wallMs);
    }

}
