package lrwb.engine.sweep;

import lrwb.engine.run.RunService;
import lrwb.engine.runtime.EngineContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A backend that works as a Spark task does — each cell shipped as JSON text, run by {@link CellRun} into a temporary
 * folder, its files handed back as bytes through {@link CellSink#finishedRemotely} — found through the ServiceLoader
 * for masters {@code fake://...}, so the CLI's {@code --master} path and the driver's file writing are tested without Spark.
 */
public final class RemoteLikeCells implements CellBackend {
    private final EngineContext context = EngineContext.create();

    /** The provider registered in the tests' META-INF/services. */
    public static final class Provider implements CellBackendProvider {
        @Override
        public boolean accepts(String master) {
            return master.startsWith("fake://");
        }

        @Override
        public CellBackend create(String master, int parallel) {
            if (master.equals("fake://unreachable")) {
                throw new IllegalArgumentException("cannot reach fake://unreachable within 1 s");
            }
            return new RemoteLikeCells();
        }
    }

    @Override
    public void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) throws Exception {
        try (RunService service = new RunService(context)) {
            for (SweepCell shipped : pending) {
                SweepCell cell = SweepCell.fromJson(SweepGrid.tree(shipped.toJson().toString()));
                Path tmp = Files.createTempDirectory("lrwb-task");
                SweepRow row = CellRun.runInto(cell, tmp.resolve("run"), grid.stopDiverged(), service, tmp);
                sink.finishedRemotely(row, filesOf(tmp.resolve("run")));
            }
        }
    }

    static Map<String, byte[]> filesOf(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Override
    public void close() {
        context.close();
    }
}
