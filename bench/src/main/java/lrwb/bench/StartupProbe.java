package lrwb.bench;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.DataOptions;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunTarget;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.startup.EngineStartup;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM started by {@link Bench}: starts ND4J as the app does ({@link EngineStartup}) and,
 * once it is ready, runs the first range test of the session, the default 100-update sweep on the iris MLP
 * as {@code lrwb find --dataset iris --model mlp:16 --batch 16} would. Prints one line of key=value timings.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        EngineContext engine = EngineContext.create();
        EngineStartup.EngineInfo info = new EngineStartup(engine).startInBackground().get();
        long readyUptime = ManagementFactory.getRuntimeMXBean().getUptime();

        long t0 = System.nanoTime();
        RangeTestRequest request = new RangeTestRequest(DataOptions.of("iris"), ModelSpec.mlp(16),
                OptimizerSpec.of(OptimizerSpec.Kind.SGD), 16, RangeTestConfig.defaults());
        Path dir = Files.createTempDirectory("lrwb-bench-cold");
        try (RunService service = new RunService(engine)) {
            RunHandle handle = service.startRangeTest(request, RunTarget.folder(dir, false), RunListener.NONE);
            long t1 = System.nanoTime();
            RunOutcome outcome = handle.await();
            long t2 = System.nanoTime();
            System.out.printf("engineMs=%d readyUptimeMs=%d prepareMs=%.1f runMs=%.1f points=%d%n", info.millis(),
                    readyUptime, (t1 - t0) / 1e6, (t2 - t1) / 1e6, outcome.rangeTest().points().size());
        }
        System.exit(0);
    }
}
