package lrwb.bench;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, printed with them. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the OS name below still says something
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores; " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; Java " + System.getProperty("java.vm.version") + "; OMP_NUM_THREADS="
                + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String nd4jThreads() {
        return "ND4J maxThreads " + Nd4j.getEnvironment().maxThreads() + ", maxMasterThreads "
                + Nd4j.getEnvironment().maxMasterThreads() + ", BLAS " + Nd4j.factory().blas().getBlasVendor()
                + " threads " + Nd4j.factory().blas().getMaxThreads();
    }
}
